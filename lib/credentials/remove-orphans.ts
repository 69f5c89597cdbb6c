import type { CredentialProviderDriver } from "./provider";

/** Revokes every principal in `present` that `held` does not name, 16 at a time; returns those removed (a failure is left for the next run). */
export async function removeOrphans(driver: CredentialProviderDriver, present: string[], held: Set<string>): Promise<string[]> {
  const orphans = present.filter((username) => !held.has(username));
  const removed: string[] = [];
  for (let i = 0; i < orphans.length; i += 16) {
    const batch = orphans.slice(i, i + 16);
    const results = await Promise.allSettled(batch.map((username) => driver.revoke(username)));
    results.forEach((result, index) => result.status === "fulfilled" && removed.push(batch[index]!));
  }
  return removed;
}

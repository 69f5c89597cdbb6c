import { prisma } from "@/lib/db";
import { recordEvent } from "@/lib/audit/record-event";
import { auditActorOf, systemPrincipal } from "@/lib/kernel/principal";
import { cleanUpCredentials } from "./clean-up-credentials";
import { namePrefixOf, openProviderDriver } from "./open-provider-driver";
import { removeOrphans } from "./remove-orphans";

const RECONCILE = systemPrincipal("reconcile-credentials");
/** A row still being created after this long belongs to a call that died (Baton killed between issuing and recording). */
const STALE_ISSUING_MS = 60_000;

export interface ReconcileOutcome {
  orphansRemoved: number;
  cleanedUp: number;
  unreachable: string[];
}

/**
 * Makes every provider hold exactly the principals live grants hold, whatever a crash or a lost job left:
 * 1. a row stuck "issuing" (the process died between creating the principal and recording it) is ended;
 * 2. every clean-up due is attempted now (a process killed mid-clean-up);
 * 3. each provider's principals carrying Baton's prefix (and, where the system keeps one, marker) that no
 *    row still holds are removed. The principals are listed before the rows are read: a row is written
 *    before its principal is created, so a principal being created right now always has its row.
 * A provider that cannot be reached is skipped and named; the next run tries again.
 */
export async function reconcileCredentials(options: { now: Date; providerIds?: string[] }): Promise<ReconcileOutcome> {
  const { now } = options;
  await prisma.issuedCredential.updateMany({
    where: { issuedAt: null, droppedAt: null, endedAt: null, createdAt: { lt: new Date(now.getTime() - STALE_ISSUING_MS) } },
    data: { activeKey: null, endedAt: now },
  });
  const cleaned = await cleanUpCredentials({ now, ignoreBackoff: true });
  const outcome: ReconcileOutcome = { orphansRemoved: 0, cleanedUp: cleaned.removed.length, unreachable: [] };
  const providers = await prisma.credentialProvider.findMany({ where: options.providerIds ? { id: { in: options.providerIds } } : {} });
  for (const provider of providers) {
    const driver = openProviderDriver(provider);
    let present: string[];
    try {
      present = await driver.list(namePrefixOf(provider));
    } catch {
      outcome.unreachable.push(provider.name);
      continue;
    }
    if (present.length === 0) continue;
    const held = new Set(
      (
        await prisma.issuedCredential.findMany({ where: { providerId: provider.id, droppedAt: null, username: { in: present } }, select: { username: true } })
      ).map((row) => row.username),
    );
    const removed = await removeOrphans(driver, present, held);
    if (removed.length === 0) continue;
    outcome.orphansRemoved += removed.length;
    await prisma.$transaction((tx) =>
      recordEvent(tx, {
        actor: auditActorOf(RECONCILE),
        action: "credential.orphan_removed",
        subject: { kind: "credential_provider", id: provider.id },
        data: { provider: provider.name, count: removed.length, usernames: removed.slice(0, 100) },
        at: now,
      }),
    );
  }
  return outcome;
}

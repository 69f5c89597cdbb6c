import type { Tx } from "@/lib/db";

/** Any constant shared by every Baton instance; it names the transaction lock that serialises key changes. */
const SIGNING_KEY_LOCK = 7_361_400_117;

/** Held until the transaction ends, so two instances starting at once cannot both create "the" first key. */
export async function lockSigningKeys(tx: Tx): Promise<void> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(${SIGNING_KEY_LOCK}::bigint)::text`;
}

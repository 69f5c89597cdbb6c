import type { Tx } from "@/lib/db";
import { CHANGE_CHANNEL, type Change } from "./change";

/** NOTIFY inside the transaction: PostgreSQL (and PGlite) deliver it on commit and drop it on rollback. */
export async function announceChange(tx: Tx, change: Change): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${CHANGE_CHANNEL}, ${JSON.stringify(change)})`;
}

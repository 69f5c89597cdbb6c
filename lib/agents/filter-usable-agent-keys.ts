import { prisma } from "@/lib/db";
import { systemClock, type Clock } from "@/lib/kernel/clock";

/** Of these key ids, the ones that would still authenticate now: not revoked, not expired, their agent active. */
export async function filterUsableAgentKeys(options: { keyIds: string[]; clock?: Clock }): Promise<Set<string>> {
  if (options.keyIds.length === 0) return new Set();
  const now = (options.clock ?? systemClock).now();
  const usable = await prisma.agentKey.findMany({
    where: {
      id: { in: options.keyIds },
      revokedAt: null,
      OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
      agent: { status: "ACTIVE", requireFederation: false },
    },
    select: { id: true },
  });
  return new Set(usable.map((key) => key.id));
}

import { prisma } from "@/lib/db";

/** Pending deliveries already due and not held by a worker: what a restart or a lost job left behind. */
export async function findDueDeliveries(options: { now: Date; limit?: number }): Promise<{ id: string }[]> {
  return prisma.webhookDelivery.findMany({
    where: { status: "PENDING", nextAttemptAt: { lte: options.now }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: options.now } }] },
    select: { id: true },
    orderBy: { nextAttemptAt: "asc" },
    take: options.limit ?? 500,
  });
}

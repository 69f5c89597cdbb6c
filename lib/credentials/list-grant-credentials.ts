import { prisma } from "@/lib/db";
import { isGrantLiveOrUpcoming } from "@/lib/kernel/live-grant";
import type { GrantCredentialStatusDto } from "./schemas";

/** The principals minted for a grant and where each stands: "cleanup pending" while an ended grant's principal may still exist on its target. Never the secret. */
export async function listGrantCredentials(grantId: string, now: Date): Promise<GrantCredentialStatusDto[]> {
  const rows = await prisma.issuedCredential.findMany({
    where: { grantId },
    include: { provider: { select: { name: true } }, grant: { select: { status: true, revokedAt: true, expiresAt: true, startsAt: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((row) => ({
    provider: row.provider.name,
    username: row.username,
    privileges: row.privileges,
    issuedAt: row.issuedAt?.toISOString() ?? null,
    state: row.droppedAt ? "removed" : row.endedAt || !isGrantLiveOrUpcoming(row.grant, now) ? "cleanup-pending" : row.issuedAt ? "active" : "issuing",
    cleanupAttempts: row.cleanupAttempts,
    lastCleanupError: row.lastCleanupError,
    nextCleanupAt: row.nextCleanupAt?.toISOString() ?? null,
  }));
}

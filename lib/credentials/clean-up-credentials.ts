import { prisma } from "@/lib/db";
import { recordEvent } from "@/lib/audit/record-event";
import { auditActorOf, systemPrincipal } from "@/lib/kernel/principal";
import { cleanupDueWhere } from "./credential-where";
import { openProviderDriver } from "./open-provider-driver";
import { ProviderUnavailableError } from "./provider";

export const CLEANUP = systemPrincipal("clean-up-credentials");
const MAX_BACKOFF_SECONDS = 300;

/** 1 s, 2 s, 4 s… up to five minutes between attempts on a target that is down. */
export function cleanupBackoffSeconds(attempts: number): number {
  return Math.min(MAX_BACKOFF_SECONDS, 2 ** Math.max(0, attempts - 1));
}

export interface CleanupOutcome {
  removed: string[];
  failed: { id: string; nextAttemptAt: Date; error: string }[];
}

/**
 * Removes the principals that must go — their grant ended (however it ended: expiry, revocation, an
 * incident resolved, the agent disabled) or they were rotated away — from their targets: new logins
 * refused, live sessions terminated, principal dropped (lib/credentials/provider.ts). What must go is
 * computed from the rows, so it is durable without a queue: a target that is down keeps its rows pending
 * ("cleanup pending" on the grant page) with a growing `nextCleanupAt`, and the next pass (on the next
 * change, the sweep, or a retry timer) tries again. Revoking is idempotent, so two instances racing here is harmless.
 */
export async function cleanUpCredentials(options: { now: Date; grantIds?: string[]; ignoreBackoff?: boolean }): Promise<CleanupOutcome> {
  const { now } = options;
  const due = await prisma.issuedCredential.findMany({
    where: {
      ...cleanupDueWhere(now),
      ...(options.grantIds && { grantId: { in: options.grantIds } }),
      ...(!options.ignoreBackoff && { AND: [{ OR: [{ nextCleanupAt: null }, { nextCleanupAt: { lte: now } }] }] }),
    },
    include: { provider: true, grant: { select: { agentId: true, status: true, revokedAt: true } } },
    orderBy: { createdAt: "asc" },
    take: 500,
  });
  const outcome: CleanupOutcome = { removed: [], failed: [] };
  const byProvider = new Map<string, typeof due>();
  for (const credential of due) byProvider.set(credential.providerId, [...(byProvider.get(credential.providerId) ?? []), credential]);
  await Promise.all(
    [...byProvider.values()].map(async (credentials) => {
      const driver = openProviderDriver(credentials[0]!.provider);
      // Once the target is found unreachable, the rest of its credentials wait for the next attempt too,
      // instead of each waiting out its own connection timeout now.
      let unreachable: ProviderUnavailableError | null = null;
      for (const credential of credentials) {
        try {
          if (unreachable) throw unreachable;
          await driver.revoke(credential.username);
        } catch (error) {
          if (error instanceof ProviderUnavailableError) unreachable = error;
          const message = error instanceof Error ? error.message : String(error);
          const attempts = credential.cleanupAttempts + 1;
          const nextAttemptAt = new Date(now.getTime() + cleanupBackoffSeconds(attempts) * 1000);
          await prisma.$transaction(async (tx) => {
            await tx.issuedCredential.update({
              where: { id: credential.id },
              data: { cleanupAttempts: attempts, nextCleanupAt: nextAttemptAt, lastCleanupError: message },
            });
            if (attempts === 1)
              await recordEvent(tx, {
                actor: auditActorOf(CLEANUP),
                action: "credential.cleanup_failed",
                subject: { kind: "grant", id: credential.grantId },
                agentId: credential.grant.agentId,
                data: { provider: credential.provider.name, username: credential.username, error: message, nextAttemptAt: nextAttemptAt.toISOString() },
                at: now,
              });
          });
          outcome.failed.push({ id: credential.id, nextAttemptAt, error: message });
          continue;
        }
        const removed = await prisma.$transaction(async (tx) => {
          const marked = await tx.issuedCredential.updateMany({
            where: { id: credential.id, droppedAt: null },
            data: { droppedAt: now, activeKey: null, nextCleanupAt: null },
          });
          if (marked.count === 0) return false;
          await recordEvent(tx, {
            actor: auditActorOf(CLEANUP),
            action: "credential.revoked",
            subject: { kind: "grant", id: credential.grantId },
            agentId: credential.grant.agentId,
            data: {
              provider: credential.provider.name,
              username: credential.username,
              reason: credential.endedAt ? (credential.issuedAt ? "rotated" : "issuing failed") : "grant ended",
              attempts: credential.cleanupAttempts + 1,
            },
            at: now,
          });
          return true;
        });
        if (removed) outcome.removed.push(credential.id);
      }
    }),
  );
  return outcome;
}

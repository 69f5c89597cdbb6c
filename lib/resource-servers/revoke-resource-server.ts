import { prisma } from "@/lib/db";
import { forgetResourceServerCallers } from "./find-resource-server";
import { requireAdmin } from "@/lib/authorization/rules";
import { auditActorOf, type PersonPrincipal } from "@/lib/kernel/principal";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { conflict, notFound } from "@/lib/kernel/errors";
import type { ResourceServerDto } from "./schemas";
import { resourceServerInclude, toResourceServerDto } from "./to-resource-server-dto";

/**
 * Revokes a resource server for good: its secrets stop authenticating at once (the caller caches empty on
 * the change this announces). Tokens for its audience are not affected — nobody can check them with it.
 */
export async function revokeResourceServer(options: {
  principal: PersonPrincipal;
  resourceServerId: string;
  reason: string;
  clock?: Clock;
}): Promise<ResourceServerDto> {
  requireAdmin(options.principal);
  const now = (options.clock ?? systemClock).now();
  const result = await prisma.$transaction(async (tx) => {
    const revoked = await tx.resourceServer.updateMany({
      where: { id: options.resourceServerId, revokedAt: null },
      data: { revokedAt: now, previousSecretHash: null, previousSecretExpiresAt: null },
    });
    const server = await tx.resourceServer.findUnique({ where: { id: options.resourceServerId }, include: resourceServerInclude });
    if (!server) throw notFound("The resource server");
    if (revoked.count === 0) throw conflict("The resource server is already revoked");
    await recordEvent(tx, {
      actor: auditActorOf(options.principal),
      action: "resource_server.revoked",
      subject: { kind: "resource_server", id: server.id },
      data: { name: server.name, reason: options.reason },
      at: now,
    });
    return toResourceServerDto(server, now);
  });
  forgetResourceServerCallers();
  return result;
}

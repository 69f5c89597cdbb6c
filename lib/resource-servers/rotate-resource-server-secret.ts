import { prisma } from "@/lib/db";
import { forgetResourceServerCallers } from "./find-resource-server";
import { requireAdmin } from "@/lib/authorization/rules";
import { auditActorOf, type PersonPrincipal } from "@/lib/kernel/principal";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { sha256Hex } from "@/lib/crypto/secrets";
import { conflict, notFound } from "@/lib/kernel/errors";
import { generateResourceServerSecret } from "./resource-server-secret-format";
import type { CreatedResourceServerDto } from "./schemas";
import { resourceServerInclude, toResourceServerDto } from "./to-resource-server-dto";

/**
 * Issues a new caller secret, shown once. The old secret keeps working for `overlapSeconds` (0: it stops
 * now) so the tool can be redeployed without failed calls; a secret older than that is dropped.
 */
export async function rotateResourceServerSecret(options: {
  principal: PersonPrincipal;
  resourceServerId: string;
  overlapSeconds: number;
  clock?: Clock;
}): Promise<CreatedResourceServerDto> {
  requireAdmin(options.principal);
  const now = (options.clock ?? systemClock).now();
  const result = await prisma.$transaction(async (tx) => {
    const [server] = await tx.$queryRaw<{ id: string; secretHash: string; secretPrefix: string; revokedAt: Date | null }[]>`
      SELECT id, "secretHash", "secretPrefix", "revokedAt" FROM "ResourceServer" WHERE id = ${options.resourceServerId} FOR UPDATE`;
    if (!server) throw notFound("The resource server");
    if (server.revokedAt) throw conflict("The resource server is revoked; register a new one instead");
    const { secret, shownPrefix } = generateResourceServerSecret();
    const previousSecretExpiresAt = options.overlapSeconds > 0 ? new Date(now.getTime() + options.overlapSeconds * 1000) : null;
    const updated = await tx.resourceServer.update({
      where: { id: server.id },
      data: {
        secretHash: sha256Hex(secret),
        secretPrefix: shownPrefix,
        previousSecretHash: previousSecretExpiresAt ? server.secretHash : null,
        previousSecretPrefix: previousSecretExpiresAt ? server.secretPrefix : null,
        previousSecretExpiresAt,
      },
      include: resourceServerInclude,
    });
    await recordEvent(tx, {
      actor: auditActorOf(options.principal),
      action: "resource_server.secret_rotated",
      subject: { kind: "resource_server", id: server.id },
      data: {
        secretPrefix: shownPrefix,
        previousSecretPrefix: server.secretPrefix,
        previousSecretExpiresAt: previousSecretExpiresAt?.toISOString() ?? now.toISOString(),
      },
      at: now,
    });
    return { ...toResourceServerDto(updated, now), secret };
  });
  forgetResourceServerCallers();
  return result;
}

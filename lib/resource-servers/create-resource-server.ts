import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/authorization/rules";
import { auditActorOf, type PersonPrincipal } from "@/lib/kernel/principal";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { sha256Hex } from "@/lib/crypto/secrets";
import { conflict } from "@/lib/kernel/errors";
import { newId } from "@/lib/kernel/ids";
import { generateResourceServerSecret } from "./resource-server-secret-format";
import type { CreatedResourceServerDto, CreateResourceServerBody } from "./schemas";
import { resourceServerInclude, toResourceServerDto } from "./to-resource-server-dto";

/** Registers a downstream tool; its caller secret is returned once and stored only as SHA-256. */
export async function createResourceServer(options: {
  principal: PersonPrincipal;
  input: CreateResourceServerBody;
  clock?: Clock;
}): Promise<CreatedResourceServerDto> {
  requireAdmin(options.principal);
  const now = (options.clock ?? systemClock).now();
  const { name, audience } = options.input;
  return prisma.$transaction(async (tx) => {
    const clash = await tx.resourceServer.findFirst({ where: { OR: [{ name }, { audience }] }, select: { name: true } });
    if (clash)
      throw conflict(clash.name === name ? `A resource server named ${name} already exists` : `A resource server with the audience ${audience} already exists`);
    const { secret, shownPrefix } = generateResourceServerSecret();
    const server = await tx.resourceServer.create({
      data: { id: newId("resourceServer"), name, audience, secretHash: sha256Hex(secret), secretPrefix: shownPrefix, createdAt: now },
      include: resourceServerInclude,
    });
    await recordEvent(tx, {
      actor: auditActorOf(options.principal),
      action: "resource_server.created",
      subject: { kind: "resource_server", id: server.id },
      data: { name, audience, secretPrefix: shownPrefix },
      at: now,
    });
    return { ...toResourceServerDto(server, now), secret };
  });
}

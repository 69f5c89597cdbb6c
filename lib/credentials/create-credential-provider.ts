import { randomBytes } from "node:crypto";
import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/authorization/rules";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { conflict } from "@/lib/kernel/errors";
import { newId } from "@/lib/kernel/ids";
import { auditActorOf, type PersonPrincipal } from "@/lib/kernel/principal";
import { DEFAULT_PORTS, DEFAULT_USERS, driverFor, providerProblem, type StoredConnection } from "./open-provider-driver";
import { sealProviderSecret } from "./provider-secret";
import type { CreateCredentialProviderBody, CredentialProviderDto } from "./schemas";
import { providerInclude, toProviderDto } from "./to-provider-dto";

/** Lower-case letters and digits: safe in every kind's principal names. */
function newTag(): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  return [...randomBytes(8)].map((byte) => alphabet[byte % alphabet.length]).join("");
}

/** Registers a provider after checking its admin connection works (nothing is saved otherwise); the password is sealed and never shown again. */
export async function createCredentialProvider(options: {
  principal: PersonPrincipal;
  input: CreateCredentialProviderBody;
  clock?: Clock;
}): Promise<CredentialProviderDto> {
  requireAdmin(options.principal);
  const { name, kind, connection: body } = options.input;
  const connection: StoredConnection = {
    host: body.host,
    port: body.port ?? DEFAULT_PORTS[kind],
    user: body.user ?? DEFAULT_USERS[kind],
    ...(body.database !== undefined && { database: body.database }),
    ...(body.managementUrl !== undefined && { managementUrl: body.managementUrl }),
  };
  if (await prisma.credentialProvider.findUnique({ where: { name }, select: { id: true } }))
    throw conflict(`A credential provider named ${name} already exists`);
  try {
    await driverFor(kind, { ...connection, password: body.password ?? null }, name).check();
  } catch (error) {
    throw providerProblem(error, "connection", { unreachableIsInvalid: true });
  }
  const now = (options.clock ?? systemClock).now();
  const id = newId("credentialProvider");
  return prisma.$transaction(async (tx) => {
    const provider = await tx.credentialProvider.create({
      data: {
        id,
        name,
        kind,
        connection: { ...connection },
        secretSealed: body.password ? sealProviderSecret(id, body.password) : null,
        tag: newTag(),
        createdAt: now,
        updatedAt: now,
        lastCheckedAt: now,
      },
      include: providerInclude,
    });
    await recordEvent(tx, {
      actor: auditActorOf(options.principal),
      action: "credential_provider.created",
      subject: { kind: "credential_provider", id },
      data: { name, kind, host: connection.host, port: connection.port, user: connection.user, database: connection.database ?? null },
      at: now,
    });
    return toProviderDto(provider);
  });
}

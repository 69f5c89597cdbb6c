import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/authorization/rules";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { notFound } from "@/lib/kernel/errors";
import { auditActorOf, type PersonPrincipal } from "@/lib/kernel/principal";
import { driverFor, providerProblem, type StoredConnection } from "./open-provider-driver";
import type { ProviderKind } from "./privilege-grammar";
import { openProviderSecret, sealProviderSecret } from "./provider-secret";
import type { CredentialProviderDto, UpdateCredentialProviderBody } from "./schemas";
import { providerInclude, toProviderDto } from "./to-provider-dto";

/** Changes the admin connection; the new one is checked before it is saved. A password left out keeps the stored one. */
export async function updateCredentialProvider(options: {
  principal: PersonPrincipal;
  providerId: string;
  input: UpdateCredentialProviderBody;
  clock?: Clock;
}): Promise<CredentialProviderDto> {
  requireAdmin(options.principal);
  const before = await prisma.credentialProvider.findUnique({ where: { id: options.providerId } });
  if (!before) throw notFound("The credential provider");
  const { password, ...fields } = options.input.connection;
  const connection: StoredConnection = { ...(before.connection as unknown as StoredConnection), ...fields };
  const secret = password !== undefined ? password || null : before.secretSealed ? openProviderSecret(before.id, before.secretSealed) : null;
  try {
    await driverFor(before.kind as ProviderKind, { ...connection, password: secret }, before.name).check();
  } catch (error) {
    throw providerProblem(error, "connection", { unreachableIsInvalid: true });
  }
  const now = (options.clock ?? systemClock).now();
  return prisma.$transaction(async (tx) => {
    const provider = await tx.credentialProvider.update({
      where: { id: before.id },
      data: {
        connection: { ...connection },
        secretSealed: secret ? sealProviderSecret(before.id, secret) : null,
        updatedAt: now,
        lastCheckedAt: now,
        lastCheckError: null,
      },
      include: providerInclude,
    });
    await recordEvent(tx, {
      actor: auditActorOf(options.principal),
      action: "credential_provider.updated",
      subject: { kind: "credential_provider", id: before.id },
      data: { name: before.name, changed: Object.keys(options.input.connection).sort() },
      at: now,
    });
    return toProviderDto(provider);
  });
}

import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/authorization/rules";
import { auditActorOf, type PersonPrincipal } from "@/lib/kernel/principal";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { AppError, conflict, notFound } from "@/lib/kernel/errors";
import { newId } from "@/lib/kernel/ids";
import type { CreateFederatedIdentityBody, FederatedIdentityDto } from "./schemas";
import { federatedIdentityInclude, toFederatedIdentityDto } from "./to-workload-dto";

/** Binds an agent to the workloads of an issuer whose tokens match `subject` and `claims`. */
export async function addFederatedIdentity(options: {
  principal: PersonPrincipal;
  agentId: string;
  input: CreateFederatedIdentityBody;
  clock?: Clock;
}): Promise<FederatedIdentityDto> {
  requireAdmin(options.principal);
  const now = (options.clock ?? systemClock).now();
  const { issuerId, subject, claims } = options.input;
  return prisma.$transaction(async (tx) => {
    const agent = await tx.agent.findUnique({ where: { id: options.agentId }, select: { id: true, status: true } });
    if (!agent) throw notFound("The agent");
    if (agent.status !== "ACTIVE") throw conflict("The agent is disabled");
    const issuer = await tx.workloadIssuer.findUnique({ where: { id: issuerId }, select: { id: true } });
    if (!issuer)
      throw new AppError("BAD_REQUEST", "issuerId: no such workload issuer", { errors: [{ field: "issuerId", message: "no such workload issuer" }] });
    const identity = await tx.federatedIdentity.create({
      data: { id: newId("federatedIdentity"), agentId: agent.id, issuerId, subject: subject ?? null, claims, createdAt: now },
      include: federatedIdentityInclude,
    });
    await recordEvent(tx, {
      actor: auditActorOf(options.principal),
      action: "agent.federated_identity_added",
      subject: { kind: "federated_identity", id: identity.id },
      agentId: agent.id,
      data: { issuer: identity.issuer.issuer, subject: subject ?? null, claims },
      at: now,
    });
    return toFederatedIdentityDto(identity);
  });
}

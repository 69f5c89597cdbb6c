import { prisma } from "@/lib/db";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { conflict, notFound } from "@/lib/kernel/errors";
import { auditActorOf, type AgentPrincipal } from "@/lib/kernel/principal";
import type { AccessRequestDto } from "./schemas";
import { describeSettlement, settledMessage } from "./describe-settlement";
import { requestInclude, toRequestDto } from "./to-request-dto";

/** The agent withdraws its own pending request. A request that was decided (or lapsed) meanwhile is a 409. */
export async function cancelRequest(options: { principal: AgentPrincipal; requestId: string; reason?: string; clock?: Clock }): Promise<AccessRequestDto> {
  const now = (options.clock ?? systemClock).now();
  const { agentId } = options.principal;
  return prisma.$transaction(async (tx) => {
    const request = await tx.accessRequest.findFirst({ where: { id: options.requestId, agentId } });
    if (!request) throw notFound("The access request");
    const moved = await tx.accessRequest.updateMany({
      where: { id: request.id, status: "PENDING", pendingExpiresAt: { gt: now } },
      data: { status: "CANCELLED", decidedAt: now, outcomeReason: options.reason ?? "cancelled by the agent", updatedAt: now },
    });
    if (moved.count !== 1) {
      const settled = await tx.accessRequest.findUniqueOrThrow({ where: { id: request.id } });
      throw conflict(settledMessage(await describeSettlement(tx, settled, now), "; it cannot be cancelled"));
    }
    await recordEvent(tx, {
      actor: auditActorOf(options.principal),
      action: "request.cancelled",
      subject: { kind: "request", id: request.id },
      agentId,
      data: { reason: options.reason ?? null },
      at: now,
    });
    return toRequestDto(await tx.accessRequest.findUniqueOrThrow({ where: { id: request.id }, include: requestInclude }), now);
  });
}

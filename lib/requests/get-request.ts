import { prisma } from "@/lib/db";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { notFound } from "@/lib/kernel/errors";
import type { AccessRequestDto } from "./schemas";
import { requestInclude, toRequestDto } from "./to-request-dto";

/** One of the agent's own requests. Another agent's id is "not found", never "forbidden": no existence oracle. */
export async function getRequest(options: { agentId: string; requestId: string; clock?: Clock }): Promise<AccessRequestDto> {
  const now = (options.clock ?? systemClock).now();
  const request = await prisma.accessRequest.findFirst({ where: { id: options.requestId, agentId: options.agentId }, include: requestInclude });
  if (!request) throw notFound("The access request");
  return toRequestDto(request, now);
}

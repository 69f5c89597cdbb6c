import { z } from "zod";
import { getAgentDetail } from "@/lib/agents/get-agent-detail";
import { notFound } from "@/lib/kernel/errors";
import { json } from "@/lib/http/api-route";
import { sessionRoute } from "@/lib/http/session-route";

export const dynamic = "force-dynamic";

export const GET = sessionRoute({ params: z.object({ id: z.string().max(64) }) }, async ({ params }) => {
  const detail = await getAgentDetail({ agentId: params.id });
  if (!detail) throw notFound("The agent");
  return json(detail);
});

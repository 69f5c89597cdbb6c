import type { getAgentDetail } from "@/lib/agents/get-agent-detail";
import { fetchJson } from "@/components/requests/request-queries";

export type AgentDetail = NonNullable<Awaited<ReturnType<typeof getAgentDetail>>>;

export const fetchAgent = (id: string) => fetchJson<AgentDetail>(`/api/ui/agents/${encodeURIComponent(id)}`);

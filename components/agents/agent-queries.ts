import type { getAgentDetail } from "@/lib/agents/get-agent-detail";
import { fetchJson } from "@/components/shared/fetch-json";

export type AgentDetail = NonNullable<Awaited<ReturnType<typeof getAgentDetail>>>;

export const fetchAgent = (id: string) => fetchJson<AgentDetail>(`/api/ui/agents/${encodeURIComponent(id)}`);

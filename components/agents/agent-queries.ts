import type { getAgentDetail } from "@/lib/agents/get-agent-detail";
import { fetchJson } from "@/components/shared/fetch-json";

export type AgentDetail = NonNullable<Awaited<ReturnType<typeof getAgentDetail>>>;

/** Invalidated by every change that names the agent (components/live/live-events.tsx). */
export const agentKey = (id: string) => ["agent", id] as const;

export const fetchAgent = (id: string) => fetchJson<AgentDetail>(`/api/ui/agents/${encodeURIComponent(id)}`);

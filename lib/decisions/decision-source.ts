import type { Change } from "@/lib/events/change";
import type { Constraints } from "@/lib/kernel/authorization-details";

/** What a decision needs of a grant. */
export interface IndexedGrant {
  id: string;
  scopes: readonly string[];
  startsAt: Date;
  expiresAt: Date;
  /** The grant's constraints (RFC 9396 authorization details); null = unconstrained. */
  constraints: Constraints | null;
}

/** An agent and its live grants: not revoked and not yet expired when they were read. */
export interface AgentGrants {
  agentId: string;
  active: boolean;
  grants: IndexedGrant[];
}

/** Scope key → the audience of the resource server that enforces it (null: none does). */
export type ScopeAudiences = ReadonlyMap<string, string | null>;

/** Where the decision index reads the truth: the database in Baton, and whatever a standalone decision point is given. */
export interface DecisionSource {
  /** Every agent that holds a live grant at `now`, with those grants, and every scope's audience. */
  loadAll(now: Date): Promise<{ agents: AgentGrants[]; scopeAudiences: ScopeAudiences }>;
  /** One agent's live grants at `now`; null for an agent that does not exist. */
  loadAgent(agentId: string, now: Date): Promise<AgentGrants | null>;
  loadScopeAudiences(): Promise<ScopeAudiences>;
}

/** Committed changes, as the change feed announces them, and whether that feed is connected right now. */
export interface ChangeSource {
  subscribe(handlers: { onChange: (change: Change) => void; onResync: () => void; onDisconnected: () => void }): Promise<() => void>;
  isConnected(): boolean;
}

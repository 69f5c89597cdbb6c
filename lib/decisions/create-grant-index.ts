import type { Clock } from "@/lib/kernel/clock";
import type { Change } from "@/lib/events/change";
import type { AgentGrants, ChangeSource, DecisionSource, ScopeAudiences } from "./decision-source";

export interface GrantView {
  agent: AgentGrants | null;
  scopeAudiences: ScopeAudiences;
  /** "index": answered from memory; "source": read afresh, because the index was not known to be current for it. */
  from: "index" | "source";
}

export interface GrantIndex {
  /** Subscribes to changes first (so none is missed), then loads everything; resolves once that load has finished or failed (it retries). */
  start(): Promise<void>;
  stop(): void;
  /** True only while the feed is connected and a full load has finished since it last connected. */
  isCurrent(): boolean;
  /** One agent's live grants and every scope's audience: from memory when that is known to be current, else from the source. */
  read(agentId: string, options?: { fresh?: boolean }): Promise<GrantView>;
  /** How many live grants are held in memory, for health reports. */
  grantCount(): number;
}

const RETRY_MS = 1000;
const AGENT_CHANGES = /^(grant\.|agent\.disabled$|request\.approved$)/;
const CATALOG_CHANGES = /^(scope\.|resource_server\.)/;
/** Audited, but nothing a decision reads changes. */
const UNCHANGING = new Set(["grant.token_issued"]);

/**
 * An in-memory index of live grants per agent, so a decision needs no database round trip. It is
 * fail-closed: an agent with a change not yet re-read, and every agent while the feed is disconnected
 * or a full load is under way, is answered from the source instead — never from a state that may be
 * stale. Times are not trusted to the index: evaluateAccess compares them at decision time.
 */
export function createGrantIndex(options: { source: DecisionSource; changes: ChangeSource; clock: Clock; onError?: (error: unknown) => void }): GrantIndex {
  const { source, changes, clock } = options;
  const report = options.onError ?? (() => undefined);
  let agents = new Map<string, AgentGrants>();
  let scopeAudiences: ScopeAudiences = new Map();
  let loaded = false;
  let stopped = false;
  let unsubscribe: (() => void) | null = null;
  // Every re-read takes a number from one sequence, so a slow older read never overwrites a newer one.
  let sequence = 0;
  let fullLoad = 0;
  const staleAgents = new Map<string, number>();
  let staleCatalog: number | null = null;
  let changedDuringLoad: { agents: Set<string>; catalog: boolean } | null = null;
  const timers = new Set<NodeJS.Timeout>();

  function retryLater(action: () => void) {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!stopped) action();
    }, RETRY_MS);
    timer.unref?.();
    timers.add(timer);
  }

  function keep(agentId: string, agent: AgentGrants | null) {
    if (agent && agent.grants.length > 0) agents.set(agentId, agent);
    else agents.delete(agentId);
  }

  function reloadAgent(agentId: string) {
    const version = ++sequence;
    staleAgents.set(agentId, version);
    changedDuringLoad?.agents.add(agentId);
    source.loadAgent(agentId, clock.now()).then(
      (agent) => {
        if (staleAgents.get(agentId) !== version) return;
        keep(agentId, agent);
        staleAgents.delete(agentId);
      },
      (error: unknown) => {
        report(error);
        retryLater(() => staleAgents.get(agentId) === version && reloadAgent(agentId));
      },
    );
  }

  function reloadCatalog() {
    const version = ++sequence;
    staleCatalog = version;
    if (changedDuringLoad) changedDuringLoad.catalog = true;
    source.loadScopeAudiences().then(
      (audiences) => {
        if (staleCatalog !== version) return;
        scopeAudiences = audiences;
        staleCatalog = null;
      },
      (error: unknown) => {
        report(error);
        retryLater(() => staleCatalog === version && reloadCatalog());
      },
    );
  }

  async function loadEverything(): Promise<void> {
    const attempt = ++fullLoad;
    loaded = false;
    const changed = { agents: new Set<string>(), catalog: false };
    changedDuringLoad = changed;
    try {
      const snapshot = await source.loadAll(clock.now());
      if (attempt !== fullLoad || stopped) return;
      agents = new Map();
      for (const agent of snapshot.agents) keep(agent.agentId, agent);
      scopeAudiences = snapshot.scopeAudiences;
      changedDuringLoad = null;
      loaded = true;
      // The snapshot may predate changes announced while it was being read: read those again.
      for (const agentId of changed.agents) reloadAgent(agentId);
      if (changed.catalog) reloadCatalog();
    } catch (error) {
      report(error);
      if (attempt === fullLoad) retryLater(() => attempt === fullLoad && void loadEverything());
    }
  }

  function onChange(change: Change) {
    if (UNCHANGING.has(change.action)) return;
    if (AGENT_CHANGES.test(change.action)) {
      if (change.agentId) reloadAgent(change.agentId);
      else void loadEverything();
    } else if (CATALOG_CHANGES.test(change.action)) {
      reloadCatalog();
    }
  }

  function onDisconnected() {
    // Changes may be lost from now on: nothing in memory is trusted until the resync's full load.
    loaded = false;
    fullLoad++;
    changedDuringLoad = null;
  }

  const isCurrent = () => loaded && !stopped && changes.isConnected();

  return {
    async start() {
      unsubscribe = await changes.subscribe({ onChange, onResync: () => void loadEverything(), onDisconnected });
      await loadEverything();
    },
    stop() {
      stopped = true;
      unsubscribe?.();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
    isCurrent,
    async read(agentId, { fresh = false } = {}) {
      if (!fresh && isCurrent() && !staleAgents.has(agentId) && staleCatalog === null)
        return { agent: agents.get(agentId) ?? null, scopeAudiences, from: "index" };
      const now = clock.now();
      const [agent, audiences] = await Promise.all([source.loadAgent(agentId, now), source.loadScopeAudiences()]);
      return { agent, scopeAudiences: audiences, from: "source" };
    },
    grantCount() {
      let count = 0;
      for (const agent of agents.values()) count += agent.grants.length;
      return count;
    },
  };
}

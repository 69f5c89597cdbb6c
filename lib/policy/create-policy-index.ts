import type { ChangeSource } from "@/lib/decisions/decision-source";
import type { Change } from "@/lib/events/change";
import { compilePolicySet, type CompiledPolicySet } from "./compile-policy-set";
import { DEFAULT_POLICIES } from "./default-policy-set";
import { hashPolicySet } from "./hash-policy-set";
import { loadGrantBinding, loadPolicyDirectory, type GrantBinding, type PolicyDirectory, type SqlQuery } from "./policy-directory";
import { policyListSchema } from "./schemas";
import { validatePolicies } from "./validate-policies";

export interface PolicyIndex {
  start(): Promise<void>;
  stop(): void;
  /** The active policy set: from memory while the change feed vouches for it, else read afresh. */
  policySet(): Promise<CompiledPolicySet>;
  /** The facts policies look at: from memory while current, else read afresh. */
  directory(): Promise<PolicyDirectory>;
  /** A live grant's binding; read once for a grant the directory has not seen (bindings never change). */
  grantBinding(directory: PolicyDirectory, grantId: string): Promise<GrantBinding | null>;
  /** Logs an evaluation error at most once per policy per minute. */
  reportEvaluationError(policyId: string, message: string): void;
}

const POLICY_CHANGES = /^policy\.activated$/;
/** Changes to anything a policy can see (grants are read by the grant index; their bindings never change). */
const DIRECTORY_CHANGES = /^(agent\.|scope\.|user\.|group\.|incident\.|resource_server\.|schedule\.|on_call\.)/;
const ERROR_LOG_INTERVAL_MS = 60_000;
const MAX_LATE_BINDINGS = 10_000;

/** The active set, as stored, through any SQL connection; the generated default before any version exists. */
async function readActiveSet(query: SqlQuery): Promise<CompiledPolicySet> {
  const [row] = await query<{ hash: string; policies: unknown }>(`SELECT hash, policies FROM "PolicySetVersion" ORDER BY "activatedAt" DESC, id DESC LIMIT 1`);
  return compiledFor(row ? row.hash : hashPolicySet(DEFAULT_POLICIES), () => (row ? policyListSchema.parse(row.policies) : [...DEFAULT_POLICIES]));
}

// One compilation per policy set per process, whichever index or reader asks.
const compiledByHash = new Map<string, CompiledPolicySet>();
function compiledFor(hash: string, policies: () => ReturnType<typeof policyListSchema.parse>): CompiledPolicySet {
  let compiled = compiledByHash.get(hash);
  if (!compiled) {
    const { read, errors } = validatePolicies(policies());
    if (errors.length > 0) throw new Error(`The active policy set ${hash} does not validate: ${errors[0]!.message}`);
    compiled = compilePolicySet(hash, read);
    compiledByHash.set(hash, compiled);
  }
  return compiled;
}

/**
 * Keeps the active policy set and the policy directory in memory beside the grant index, so a call's
 * policy evaluation costs no database round trip. Like the grant index it is fail-closed: while the change
 * feed is disconnected, or a change has been announced and not yet re-read, readers wait for a fresh read
 * instead of being answered from memory; a read that fails throws, and the decision denies.
 */
export function createPolicyIndex(options: {
  query: SqlQuery;
  changes: ChangeSource;
  onError?: (error: unknown) => void;
  log?: (message: string) => void;
}): PolicyIndex {
  const { query, changes } = options;
  const report = options.onError ?? (() => undefined);
  let unsubscribe: (() => void) | null = null;
  let stopped = false;

  /** One value read from the database, re-read when marked stale; concurrent readers share one read. */
  function cached<T>(load: () => Promise<T>) {
    let value: T | null = null;
    let stale = true;
    let generation = 0;
    let inflight: Promise<T> | null = null;
    const refresh = (): Promise<T> => {
      if (inflight) return inflight;
      const started = generation;
      inflight = load().then(
        (loaded) => {
          inflight = null;
          value = loaded;
          // A change announced while reading means this read may predate it: stay stale.
          if (started === generation) stale = false;
          return loaded;
        },
        (error: unknown) => {
          inflight = null;
          throw error;
        },
      );
      return inflight;
    };
    return {
      get: (): Promise<T> => (value !== null && !stale && changes.isConnected() && !stopped ? Promise.resolve(value) : refresh()),
      invalidate() {
        stale = true;
        generation++;
        void refresh().catch(report);
      },
    };
  }

  const set = cached(() => readActiveSet(query));
  const directory = cached(() => loadPolicyDirectory(query));
  const lateBindings = new Map<string, GrantBinding | null>();
  const lastLogged = new Map<string, number>();

  const onChange = (change: Change) => {
    if (POLICY_CHANGES.test(change.action)) set.invalidate();
    else if (DIRECTORY_CHANGES.test(change.action)) directory.invalidate();
  };
  const resync = () => {
    set.invalidate();
    directory.invalidate();
  };

  return {
    async start() {
      unsubscribe = await changes.subscribe({ onChange, onResync: resync, onDisconnected: resync });
      await set.get().catch(report);
    },
    stop() {
      stopped = true;
      unsubscribe?.();
    },
    policySet: () => set.get(),
    directory: () => directory.get(),
    async grantBinding(current, grantId) {
      const known = current.grants.get(grantId) ?? lateBindings.get(grantId);
      if (known !== undefined) return known;
      const binding = await loadGrantBinding(query, grantId);
      if (lateBindings.size >= MAX_LATE_BINDINGS) lateBindings.clear();
      lateBindings.set(grantId, binding);
      return binding;
    },
    reportEvaluationError(policyId, message) {
      const now = Date.now();
      if ((lastLogged.get(policyId) ?? -Infinity) > now - ERROR_LOG_INTERVAL_MS) return;
      lastLogged.set(policyId, now);
      (options.log ?? console.error)(`baton: policy ${policyId} could not be evaluated (the call was denied): ${message}`);
    },
  };
}

const EMPTY_DIRECTORY: PolicyDirectory = {
  persons: new Map(),
  agents: new Map(),
  scopes: new Map(),
  incidents: new Map(),
  groupIds: new Map(),
  grants: new Map(),
  environmentAt: (now) => ({ now, openSchedules: [], onCallGroups: [] }),
};

/** A policy index over a fixed set and directory: for tests and benchmarks that have no database. */
export function fixedPolicyIndex(
  set: CompiledPolicySet = compiledFor(hashPolicySet(DEFAULT_POLICIES), () => [...DEFAULT_POLICIES]),
  directory = EMPTY_DIRECTORY,
): PolicyIndex {
  return {
    start: async () => undefined,
    stop: () => undefined,
    policySet: async () => set,
    directory: async () => directory,
    grantBinding: async (current, grantId) => current.grants.get(grantId) ?? null,
    reportEvaluationError: () => undefined,
  };
}

// P7: what Cedar policies cost on the decision path. In process: one call decision's policy evaluation
// against the generated defaults (answered without Cedar) and sets of 1, 100 and 10,000 policies. Served:
// the standalone decision point with those sets active, against bare Node measured in the same run.
import pg from "pg";
import { compilePolicySet } from "@/lib/policy/compile-policy-set";
import { decideCall } from "@/lib/policy/decide-call";
import { DEFAULT_POLICIES } from "@/lib/policy/default-policy-set";
import { hashPolicySet, sortPolicies } from "@/lib/policy/hash-policy-set";
import { callQuestion, type AgentFacts, type ScopeFacts } from "@/lib/policy/policy-facts";
import type { PolicyDocument } from "@/lib/policy/schemas";
import { validatePolicies } from "@/lib/policy/validate-policies";
import { expectAllow, load, startServer, tokenBodies } from "./decisions";
import { round, type Figure } from "./figures";
import type { BenchDatabase } from "./seed-bench-database";

// Whole sets: the four generated defaults and one policy every call is asked about make the smallest.
const SIZES = [DEFAULT_POLICIES.length + 1, 100, 10_000] as const;
const EVALUATIONS = 20_000;
const REAL_SCOPES = 20;

/**
 * A set of `count` policies in all: the defaults, one call policy that applies to every call (so every
 * decision asks Cedar), and the rest each about one scope — nearly all about other scopes of a large catalog, one in 500 about
 * a scope the benchmark's calls use — as an organisation with ten thousand policies would have them.
 */
export function benchPolicies(count: number): PolicyDocument[] {
  const policies: PolicyDocument[] = [
    ...DEFAULT_POLICIES,
    {
      id: "bench-quarantine",
      text: `@reason("Quarantined agents make no calls")\nforbid (principal, action == Baton::Action::"call", resource) when { principal.tags.contains("quarantined") };`,
    },
  ];
  for (let index = 1; policies.length < count; index++) {
    const scope = index % 500 === 0 ? `crm.area${(index / 500) % REAL_SCOPES}:read` : `bench.other${index}:read`;
    policies.push({
      id: `bench-${index}`,
      text: `@reason("Tenant ${index} is frozen")\nforbid (principal, action == Baton::Action::"call", resource == Baton::Scope::"${scope}") when { context has target && context.target.id == "frozen-${index}" };`,
    });
  }
  return policies;
}

function compile(policies: PolicyDocument[]) {
  const { read, errors } = validatePolicies(policies);
  if (errors.length) throw new Error(`bench policies do not validate: ${errors[0]!.message}`);
  return compilePolicySet(hashPolicySet(policies), read);
}

const person = { id: "usr_bench", email: "owner@bench.test", name: "Owner", role: "VIEWER", groups: [], onCallFor: [] };
const agent: AgentFacts = { id: "agt_bench", name: "bench", owner: person, tags: [], status: "ACTIVE" };
const scope: ScopeFacts = {
  key: "crm.area0:read",
  risk: "LOW",
  tags: [],
  maxDurationSeconds: 3600,
  autoApprove: false,
  approvalsRequired: 1,
  approverGroup: null,
  resourceServer: null,
};
const grant = {
  id: "grt_bench",
  scopes: [scope.key],
  startsAt: new Date(0),
  expiresAt: new Date(9e12),
  contextRef: null,
  onBehalfOf: null,
  incident: null,
  locations: [],
  actions: [],
};

let run = 0;

/** Mean microseconds per call decision's policy half, after a warm-up; every question distinct (a new target each time). */
function microsecondsPerCall(policies: PolicyDocument[]): number {
  const set = compile(policies);
  const prefix = `run${++run}-`;
  const ask = (i: number) =>
    decideCall(set, scope.key, () =>
      callQuestion({
        agent,
        scope,
        grant,
        env: { now: new Date(), openSchedules: [], onCallGroups: [] },
        target: { type: "tenant", id: `${prefix}${i}` },
      }),
    );
  for (let i = 0; i < 2000; i++) if (!ask(EVALUATIONS + i).allow) throw new Error("bench call was denied");
  const started = performance.now();
  for (let i = 0; i < EVALUATIONS; i++) ask(i);
  return ((performance.now() - started) * 1000) / EVALUATIONS;
}

export function measurePolicyEvaluation(): Figure[] {
  const defaults = microsecondsPerCall([...DEFAULT_POLICIES]);
  const figures: Figure[] = [{ name: "policy-eval-defaults", value: round(defaults, 2), unit: "us/call", goal: "info", ratio: null }];
  const one = microsecondsPerCall(benchPolicies(SIZES[0]));
  figures.push({ name: `policy-eval-${SIZES[0]}-policies`, value: round(one, 1), unit: "us/call", goal: "reference", ratio: null });
  for (const size of SIZES.slice(1)) {
    const cost = microsecondsPerCall(benchPolicies(size));
    // Policies about other scopes are filed away from this call's partition: ten thousand cost about what one does.
    figures.push({ name: `policy-eval-${size}-policies`, value: round(cost, 1), unit: "us/call", goal: "<=3x", ratio: round(cost / one, 2) });
  }
  return figures;
}

async function activate(databaseUrl: string, policies: PolicyDocument[]) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const sorted = sortPolicies(policies);
    await client.query(
      `INSERT INTO "PolicySetVersion" (id, hash, policies, note, "createdAt", "activatedAt") VALUES ($1, $2, $3::jsonb, 'bench', now(), clock_timestamp())`,
      [`pol_bench_${policies.length}_${Date.now()}`, hashPolicySet(sorted), JSON.stringify(sorted)],
    );
  } finally {
    await client.end();
  }
}

/** The warm decision point with 1, 100 and 10,000 policies active, each against bare Node in the same run. */
export async function measurePdpWithPolicies(db: BenchDatabase, children: { kill(): unknown }[]): Promise<Figure[]> {
  const bodies = await tokenBodies(db);
  const bare = await startServer("bare-node", db.url);
  children.push(bare.child);
  await load(bare.url, db.secret, bodies.slice(0, 200)).catch(() => undefined);
  const reference = Math.round((await load(bare.url, db.secret, bodies)).requests.average);
  bare.child.kill();
  const figures: Figure[] = [{ name: "bare-node-throughput", value: reference, unit: "req/s", goal: "reference", ratio: null }];
  for (const size of SIZES) {
    await activate(db.url, benchPolicies(size));
    const pdp = await startServer("pdp-warm-cache", db.url);
    children.push(pdp.child);
    // The figure means something only if these calls are allowed after Cedar was asked: check one.
    const answer = await expectAllow(pdp.url, db.secret, bodies[0]!);
    if (!answer.policies?.some((policy) => policy.id === "catalog-calls")) throw new Error(`pdp with ${size} policies answered ${JSON.stringify(answer)}`);
    await load(pdp.url, db.secret, bodies.slice(0, 200)).catch(() => undefined);
    const throughput = Math.round((await load(pdp.url, db.secret, bodies)).requests.average);
    pdp.child.kill();
    figures.push({ name: `pdp-${size}-policies-throughput`, value: throughput, unit: "req/s", goal: ">=0.5x-bare-node", ratio: round(throughput / reference) });
  }
  // The sections after this one measure Baton as it ships.
  await activate(db.url, [...DEFAULT_POLICIES]);
  return figures;
}

import { prisma } from "@/lib/db";
import { AppError } from "@/lib/kernel/errors";
import { normalizeEmail } from "@/lib/kernel/normalize-email";
import { readActivePolicySet } from "./active-policy-set";
import { compilePolicySet, type CompiledPolicySet } from "./compile-policy-set";
import { decideFiling, type FilingRouting } from "./decide-filing";
import { hashPolicySet } from "./hash-policy-set";
import { loadPolicyDirectory, type PolicyDirectory } from "./policy-directory";
import type { RequestFacts } from "./policy-facts";
import { policyValidationError } from "./policy-validation-error";
import { toRoutingDto, type StoredRouting } from "./routing-schemas";
import type { PolicyDocument } from "./schemas";
import { MAX_SIMULATED_DAYS, type HypotheticalRequest, type SimulationResult } from "./simulation-schemas";
import { validatePolicies } from "./validate-policies";

const DAY_MS = 86_400_000;
const DEFAULT_DAYS = 30;
const MAX_REPLAYED = 10_000;
const MAX_LISTED = 50;

interface ReplayedRequest {
  id: string;
  agentId: string;
  requestedScopes: string[];
  requestedDurationSeconds: number;
  justification: string;
  contextRef: string | null;
  onBehalfOfId: string | null;
  incidentId: string | null;
  createdAt: Date;
}

/** Filing facts for a request, from the directory: today's people and catalog, at the time it was filed. */
function factsOf(directory: PolicyDirectory, request: ReplayedRequest) {
  const agent = directory.agents.get(request.agentId);
  const scopes = request.requestedScopes.map((key) => directory.scopes.get(key));
  if (!agent || scopes.some((scope) => scope === undefined)) return null;
  const facts: RequestFacts = {
    id: request.id,
    scopes: request.requestedScopes,
    durationSeconds: request.requestedDurationSeconds,
    justification: request.justification,
    contextRef: request.contextRef,
    onBehalfOf: request.onBehalfOfId ? (directory.persons.get(request.onBehalfOfId) ?? null) : null,
    incident: request.incidentId ? (directory.incidents.get(request.incidentId) ?? null) : null,
    locations: [],
    actions: [],
  };
  return { agent, scopes: scopes.map((scope) => scope!), request: facts, env: directory.environmentAt(request.createdAt), groupIds: directory.groupIds };
}

const approvers = (routing: FilingRouting) =>
  JSON.stringify(routing.requirements.map(({ groupId, quorum, stepUp, scopes }) => [groupId, quorum, stepUp, [...scopes].sort()]).sort());

const asDto = (routing: FilingRouting) => toRoutingDto(routing as StoredRouting);

/**
 * What a proposed policy set would change: the requests of the period (default 30 days) and/or one
 * hypothetical request are decided by the active set and by the proposed one, on the same facts (today's
 * agents, people and catalog; schedules as they were when each request was filed), and every request
 * whose outcome — or whose approvers — would differ is counted under its transition, with the proposed
 * policies responsible. Nothing is written.
 */
export async function simulatePolicySet(input: {
  policies: PolicyDocument[];
  since?: Date;
  request?: HypotheticalRequest;
  now: Date;
}): Promise<SimulationResult> {
  const { read, errors } = validatePolicies(input.policies);
  if (errors.length > 0) throw policyValidationError(errors);
  const proposed: CompiledPolicySet = compilePolicySet(hashPolicySet(input.policies), read);
  const since = input.since ?? new Date(input.now.getTime() - DEFAULT_DAYS * DAY_MS);
  if (since.getTime() < input.now.getTime() - MAX_SIMULATED_DAYS * DAY_MS || since > input.now)
    throw new AppError("BAD_REQUEST", `since must lie within the last ${MAX_SIMULATED_DAYS} days`, {
      errors: [{ field: "since", message: `must lie within the last ${MAX_SIMULATED_DAYS} days` }],
    });

  const [active, directory, requests] = await Promise.all([
    readActivePolicySet(prisma, input.now),
    loadPolicyDirectory((sql, params = []) => prisma.$queryRawUnsafe(sql, ...params)),
    prisma.accessRequest.findMany({
      where: { createdAt: { gte: since, lte: input.now } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: MAX_REPLAYED + 1,
      select: {
        id: true,
        agentId: true,
        requestedScopes: true,
        requestedDurationSeconds: true,
        justification: true,
        contextRef: true,
        onBehalfOfId: true,
        incidentId: true,
        createdAt: true,
      },
    }),
  ]);

  const transitions = new Map<string, SimulationResult["transitions"][number]>();
  let unchanged = 0;
  let skipped = 0;
  const replayed = requests.slice(0, MAX_REPLAYED);
  for (const request of replayed) {
    const facts = factsOf(directory, request);
    if (!facts) {
      skipped++;
      continue;
    }
    const before = decideFiling(active.compiled, facts);
    const after = decideFiling(proposed, facts);
    const approversChanged = before.outcome === "routed" && after.outcome === "routed" && approvers(before) !== approvers(after);
    if (before.outcome === after.outcome && !approversChanged) {
      unchanged++;
      continue;
    }
    const key = `${before.outcome}>${after.outcome}`;
    const transition = transitions.get(key) ?? { from: before.outcome, to: after.outcome, approversChanged, count: 0, requests: [] };
    transition.count++;
    if (transition.requests.length < MAX_LISTED) transition.requests.push({ id: request.id, policies: after.policies });
    transitions.set(key, transition);
  }

  return {
    since: since.toISOString(),
    until: input.now.toISOString(),
    requestCount: replayed.length - skipped,
    unchanged,
    skipped,
    truncated: requests.length > MAX_REPLAYED,
    transitions: [...transitions.values()].sort((a, b) => b.count - a.count),
    ...(input.request ? { hypothetical: await simulateOne(input.request, directory, active.compiled, proposed, input.now) } : {}),
  };
}

async function simulateOne(request: HypotheticalRequest, directory: PolicyDirectory, active: CompiledPolicySet, proposed: CompiledPolicySet, now: Date) {
  const onBehalfOf = request.onBehalfOf ? await prisma.user.findUnique({ where: { email: normalizeEmail(request.onBehalfOf) }, select: { id: true } }) : null;
  if (request.onBehalfOf && !onBehalfOf)
    throw new AppError("BAD_REQUEST", `No Baton user has the email ${request.onBehalfOf}`, {
      errors: [{ field: "request.onBehalfOf", message: "is not a Baton user" }],
    });
  if (!directory.agents.has(request.agentId))
    throw new AppError("BAD_REQUEST", "No such agent", { errors: [{ field: "request.agentId", message: "is not an agent" }] });
  const unknown = request.scopes.findIndex((key) => !directory.scopes.has(key));
  if (unknown >= 0)
    throw new AppError("BAD_REQUEST", `${request.scopes[unknown]} is not in the catalog`, {
      errors: [{ field: `request.scopes.${unknown}`, message: "is not in the catalog" }],
    });
  if (request.incidentId && !directory.incidents.has(request.incidentId))
    throw new AppError("BAD_REQUEST", "No such incident", { errors: [{ field: "request.incidentId", message: "is not an incident" }] });
  const facts = factsOf(directory, {
    id: "req_simulated",
    agentId: request.agentId,
    requestedScopes: request.scopes,
    requestedDurationSeconds: request.durationSeconds,
    justification: request.justification ?? "",
    contextRef: request.contextRef ?? null,
    onBehalfOfId: onBehalfOf?.id ?? null,
    incidentId: request.incidentId ?? null,
    createdAt: now,
  })!;
  return { current: asDto(decideFiling(active, facts)), proposed: asDto(decideFiling(proposed, facts)) };
}

// Property-based bad input against every /api/v1 route of the route table, called in process exactly
// as Next.js calls the handlers. For every case: no 5xx; every 4xx is problem+json; a rejected call
// changes no stored row (an AFTER trigger on every table records what changed); and input no server
// may accept (bad credentials, unknown fields, broken JSON, wrong content type) is refused.
import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { ROUTES, type Caller, type RouteSpec } from "@/lib/api/route-table";
import { verifyChain } from "@/lib/audit/verify-chain";
import { createPersonalToken } from "@/lib/tokens/create-personal-token";
import * as agentsRoute from "@/app/api/v1/admin/agents/route";
import * as keysRoute from "@/app/api/v1/admin/agents/[id]/keys/route";
import * as schedulesRoute from "@/app/api/v1/admin/schedules/route";
import * as scopesRoute from "@/app/api/v1/admin/scopes/route";
import * as requestsRoute from "@/app/api/v1/access-requests/route";
import * as tokenRoute from "@/app/api/v1/grants/[id]/token/route";
import * as integrationsRoute from "@/app/api/v1/admin/incident-integrations/route";
import * as incidentsRoute from "@/app/api/v1/incidents/route";
import * as groupsRoute from "@/app/api/v1/admin/groups/route";
import * as webhooksRoute from "@/app/api/v1/admin/webhooks/route";
import * as resourceServersRoute from "@/app/api/v1/admin/resource-servers/route";
import * as credentialProvidersRoute from "@/app/api/v1/admin/credential-providers/route";
import * as policyProposalsRoute from "@/app/api/v1/admin/policy-proposals/route";
import { DEFAULT_POLICIES } from "@/lib/policy/default-policy-set";
import { call, ensureAdmin } from "./api-helpers";
import { personWithToken } from "./incident-fixtures";
import { startChangeLog, takeChanges, type RowChange } from "./change-log";
import { bodyCases, bodyFields, nastyString, validishQuery, type BodyCase } from "./fuzz-arbitraries";
import { CRM, grantFor, setUpWorld, type World } from "./resource-server-fixtures";

// Credential providers are checked against the system they name on save: fuzzed hosts would be looked up
// and dialled. A fake driver stands in (tests/integration/credentials.test.ts uses the real servers).
vi.mock("@/lib/credentials/open-provider-driver", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/credentials/open-provider-driver")>();
  const fake = (kind: string) => ({
    kind,
    atomic: true,
    check: async () => {},
    issue: async () => ({ host: "127.0.0.1", port: 5432 }),
    revoke: async () => {},
    list: async () => [],
    close: async () => {},
  });
  return { ...original, driverFor: (kind: string) => fake(kind), openProviderDriver: (provider: { kind: string }) => fake(provider.kind) };
});

/** At least this many cases per CI run (per database), spread evenly over the routes. */
const TOTAL_CASES = 10_000;
const CASES_PER_ROUTE = Math.ceil(TOTAL_CASES / ROUTES.length);

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const modules = import.meta.glob<Record<string, Handler>>("../../app/api/v1/**/route.ts");
const handlerModuleOf = (route: RouteSpec) => `../../app${route.path.replace(/\{(\w+)\}/g, "[$1]")}/route.ts`;
async function handlerOf(route: RouteSpec): Promise<Handler | undefined> {
  return (await modules[handlerModuleOf(route)]?.())?.[route.method.toUpperCase()];
}

let admin: string;
let world: World;
let viewerToken: string;
/** A commander's (not an admin's) personal token. */
let commanderToken: string;
/** The incident-tool integration the fuzzing calls as: its API credential and its webhook signing secret. */
let integration: { slug: string; credential: string; webhookSecret: string };
/** The agent the fuzzing calls as: it has pending requests and active grants to aim at. */
let fuzzAgentKey: string;
/** Existing ids for each kind of path parameter, so cases reach past "not found" into the handlers. */
const pathValues: { path: RegExp; param: string; values: string[] }[] = [];

beforeAll(async () => {
  admin = await ensureAdmin();
  world = await setUpWorld(admin);
  const owner = await prisma.user.findUniqueOrThrow({ where: { email: "owner@example.com" } });
  viewerToken = (await createPersonalToken({ principal: { kind: "person" as const, userId: owner.id, role: "VIEWER" }, input: { name: "fuzz" } })).token;
  expect(
    (
      await call(scopesRoute.POST, {
        token: admin,
        body: { key: "fuzz.pending:write", risk: "HIGH", maxDurationSeconds: 3600, approverGroup: "crm-approvers" },
      })
    ).status,
  ).toBe(201);
  // A victim for the admin routes, so valid admin calls never disable the agents the fuzzing calls as.
  const victim = await call(agentsRoute.POST, {
    token: admin,
    body: { name: "fuzz-victim", ownerEmail: "owner@example.com", eligibleScopes: ["crm.customers:read"] },
  });
  const victimKeys = await Promise.all([1, 2, 3].map(() => call(keysRoute.POST, { token: admin, params: { id: victim.json.id } })));
  const fuzzAgent = await call(agentsRoute.POST, {
    token: admin,
    body: { name: "fuzz-bot", ownerEmail: "owner@example.com", eligibleScopes: ["crm.customers:read", "fuzz.pending:write"] },
  });
  fuzzAgentKey = (await call(keysRoute.POST, { token: admin, params: { id: fuzzAgent.json.id } })).json.key;
  const pending = await Promise.all(
    [1, 2, 3, 4, 5].map(() =>
      call(requestsRoute.POST, {
        token: fuzzAgentKey,
        body: { scopes: ["fuzz.pending:write"], justification: "Pending for the fuzzing", durationSeconds: 600 },
      }),
    ),
  );
  expect(pending.map((filed) => filed.json.status)).toEqual(Array(5).fill("PENDING"));
  const grants = await Promise.all([1, 2, 3, 4, 5].map(() => grantFor(fuzzAgentKey, ["crm.customers:read"])));
  const othersGrant = await grantFor(world.other.key, ["crm.customers:read"]);
  const othersRequest = await call(requestsRoute.POST, {
    token: world.other.key,
    body: { scopes: ["crm.customers:read"], justification: "Another agent's request", durationSeconds: 600 },
  });
  // Signing keys are created on first use: create them now, so a refused token call has nothing left to create.
  expect((await call(tokenRoute.POST, { token: fuzzAgentKey, params: { id: grants[0]!.id }, body: { audience: CRM } })).status).toBe(200);
  pathValues.push(
    { path: /^\/api\/v1\/access-requests\//, param: "id", values: [...pending.map((r) => r.json.id as string), othersRequest.json.id] },
    { path: /^\/api\/v1\/grants\//, param: "id", values: [...grants.map((g) => g.id), othersGrant.id] },
    { path: /^\/api\/v1\/admin\/agents\//, param: "id", values: [victim.json.id, world.other.id] },
    { path: /^\/api\/v1\/admin\/agents\//, param: "keyId", values: victimKeys.map((key) => key.json.id as string) },
    { path: /^\/api\/v1\/admin\/scopes\//, param: "key", values: ["fuzz.pending:write", "logs.read"] },
  );
  commanderToken = (await personWithToken(admin, "commander@example.com", "COMMANDER")).token;
  const registered = await call(integrationsRoute.POST, { token: admin, body: { slug: "fuzz-pager", name: "Fuzz pager" } });
  expect(registered.status).toBe(201);
  integration = { slug: "fuzz-pager", credential: registered.json.credential, webhookSecret: registered.json.webhookSecret };
  const incidents = await Promise.all(
    [commanderToken, commanderToken, admin, integration.credential].map((token) =>
      call(incidentsRoute.POST, { token, body: { title: "Fuzzed incident", severity: "SEV3" } }),
    ),
  );
  expect(incidents.map((opened) => opened.status)).toEqual(Array(4).fill(201));
  // Victims for the admin routes that take an id: not crm-approvers or the CRM resource server the fuzzing relies on.
  const [group, endpoint, resourceServer, victimTool, schedule, credentialProvider] = await Promise.all([
    call(groupsRoute.POST, { token: admin, body: { name: "fuzz-group", memberEmails: ["owner@example.com"] } }),
    call(webhooksRoute.POST, { token: admin, body: { url: "https://receiver.example.test/fuzz", eventTypes: ["grant.*"] } }),
    call(resourceServersRoute.POST, { token: admin, body: { name: "fuzz-victim", audience: "https://victim.example.test" } }),
    call(integrationsRoute.POST, { token: admin, body: { slug: "fuzz-victim-tool", name: "Fuzz victim tool" } }),
    call(schedulesRoute.POST, { token: admin, body: { name: "fuzz-window", timezone: "UTC", weeklyRules: [{ days: ["mon"], start: "09:00", end: "17:00" }] } }),
    call(credentialProvidersRoute.POST, { token: admin, body: { name: "fuzz-db", kind: "postgresql", connection: { host: "127.0.0.1", password: "x" } } }),
  ]);
  expect([group.status, endpoint.status, resourceServer.status, victimTool.status, schedule.status, credentialProvider.status]).toEqual([
    201, 201, 201, 201, 201, 201,
  ]);
  const proposal = await call(policyProposalsRoute.POST, {
    token: admin,
    body: { policies: [...DEFAULT_POLICIES, { id: "fuzz-extra", text: 'permit (principal, action == Baton::Action::"call", resource);' }], note: "Fuzzing" },
  });
  expect(proposal.status).toBe(201);
  pathValues.push(
    { path: /^\/api\/v1\/admin\/policy-proposals\//, param: "id", values: [proposal.json.id] },
    { path: /^\/api\/v1\/admin\/groups\//, param: "id", values: [group.json.id] },
    { path: /^\/api\/v1\/admin\/webhooks\//, param: "id", values: [endpoint.json.id] },
    { path: /^\/api\/v1\/admin\/schedules\//, param: "id", values: [schedule.json.id] },
    { path: /^\/api\/v1\/admin\/resource-servers\//, param: "id", values: [resourceServer.json.id] },
    { path: /^\/api\/v1\/admin\/incident-integrations\//, param: "id", values: [victimTool.json.id] },
    { path: /^\/api\/v1\/admin\/credential-providers\//, param: "id", values: [credentialProvider.json.id] },
    { path: /^\/api\/v1\/incidents\//, param: "id", values: incidents.map((opened) => opened.json.id as string) },
    { path: /^\/api\/v1\/hooks\/incidents\//, param: "integration", values: [integration.slug] },
  );
  await startChangeLog();
});

afterAll(async () => {
  expect((await verifyChain()).ok).toBe(true);
});

/** Standard Webhooks headers for a case: signed with `secret` at `ageSeconds` ago, or with `signature` sent as is. */
interface WebhookSignature {
  secret: string;
  ageSeconds: number;
  id: string;
  signature?: string;
}

type AuthCase =
  | { kind: "right"; token: string | null; webhook?: WebhookSignature }
  | { kind: "bad"; token: string | null; header?: string; why: string; webhook?: WebhookSignature; refusedWith?: number[] };

type BearerCaller = Exclude<Caller, "incident-webhook">;

/** Every bearer credential the fuzzing holds, with the callers it counts as (an admin is also a commander). */
function credentials(): { token: string; fits: BearerCaller[] }[] {
  return [
    { token: fuzzAgentKey, fits: ["agent"] },
    { token: admin, fits: ["admin", "commander"] },
    { token: commanderToken, fits: ["commander"] },
    { token: world.crmSecret, fits: ["resource-server"] },
    { token: integration.credential, fits: ["integration"] },
    { token: viewerToken, fits: [] },
  ];
}

const callersOf = (route: RouteSpec): Caller[] => (typeof route.caller === "string" ? [route.caller] : route.caller);
const credentialsFor = (callers: Caller[]) => credentials().filter((credential) => credential.fits.some((fit) => callers.includes(fit)));

function bearerAuthCases(route: RouteSpec): fc.Arbitrary<AuthCase> {
  const callers = callersOf(route);
  const wrongKinds = credentials()
    .filter((credential) => !credential.fits.some((fit) => callers.includes(fit)))
    .map((credential) => credential.token);
  const bad = (why: string, tokens: fc.Arbitrary<string | null>, header?: (token: string | null) => string) =>
    tokens.map<AuthCase>((token) => ({ kind: "bad", token, why, header: header?.(token) }));
  return fc.oneof(
    {
      weight: 14,
      arbitrary: fc.constantFrom(...credentialsFor(callers).map((credential) => credential.token)).map<AuthCase>((token) => ({ kind: "right", token })),
    },
    { weight: 1, arbitrary: bad("no credential", fc.constant(null)) },
    {
      weight: 1,
      arbitrary: bad(
        "garbage credential",
        fc.oneof(
          nastyString.filter((s) => /^\S+$/.test(s)),
          fc.constantFrom("baton_abcdefgh_" + "x".repeat(40), "batonpat_" + "y".repeat(40), "batonrs_" + "z".repeat(40)),
        ),
      ),
    },
    { weight: 1, arbitrary: bad("not a Bearer header", fc.constantFrom(admin, fuzzAgentKey), (token) => `Basic ${token}`) },
    {
      weight: 1,
      arbitrary: bad(
        "over-long credential",
        fc.integer({ min: 513, max: 9000 }).map((length) => "b".repeat(length)),
      ),
    },
    { weight: 2, arbitrary: bad("a credential of the wrong kind", fc.constantFrom(...wrongKinds)) },
  );
}

/** A whsec_ secret that belongs to no integration. */
const strangersSecret = `whsec_${randomBytes(32).toString("base64")}`;

/**
 * The incident webhook receiver authenticates by its Standard Webhooks signature, not a bearer
 * credential: missing signature headers are a 400, a signature or timestamp that does not verify a 401.
 */
function webhookAuthCases(): fc.Arbitrary<AuthCase> {
  const signed = (ageSeconds: fc.Arbitrary<number>, secret = integration.webhookSecret, signature: fc.Arbitrary<string | undefined> = fc.constant(undefined)) =>
    fc
      .record({ id: fc.uuid().map((uuid) => `msg_${uuid}`), ageSeconds, signature })
      .map<WebhookSignature>((fields) => ({ secret, ...fields, signature: fields.signature }));
  const bad = (why: string, refusedWith: number[], webhook: fc.Arbitrary<WebhookSignature | undefined>, token: string | null = null) =>
    webhook.map<AuthCase>((signature) => ({ kind: "bad", token, why, webhook: signature, refusedWith }));
  const staleness = fc.oneof(fc.integer({ min: 301, max: 10 ** 8 }), fc.integer({ min: -(10 ** 8), max: -301 }));
  return fc.oneof(
    { weight: 14, arbitrary: signed(fc.integer({ min: -60, max: 60 })).map<AuthCase>((webhook) => ({ kind: "right", token: null, webhook })) },
    { weight: 1, arbitrary: bad("no signature headers", [400], fc.constant(undefined)) },
    { weight: 1, arbitrary: bad("a bearer credential instead of a signature", [400], fc.constant(undefined), integration.credential) },
    { weight: 1, arbitrary: bad("signed with another secret", [401], signed(fc.constant(0), strangersSecret)) },
    { weight: 1, arbitrary: bad("timestamp more than 5 minutes away", [401], signed(staleness)) },
    {
      weight: 1,
      arbitrary: bad(
        "garbage signature",
        [401],
        signed(
          fc.constant(0),
          integration.webhookSecret,
          nastyString.filter((value) => /\S/.test(value)),
        ),
      ),
    },
  );
}

const authCases = (route: RouteSpec) => (route.caller === "incident-webhook" ? webhookAuthCases() : bearerAuthCases(route));

/** RFC 6749 §3.2: the OAuth token endpoint MUST ignore unrecognized request parameters, so its body schema is not strict. */
const ignoresUnknownFields = (route: RouteSpec) => route.oauthErrors === true;

/** PagerDuty-shaped events, valid and not, for the webhook receiver (whose body the route table does not describe). */
const pagerDutyEvents: fc.Arbitrary<BodyCase> = fc
  .record({
    event_type: fc.oneof(fc.constantFrom("incident.triggered", "incident.resolved", "incident.acknowledged"), nastyString),
    data: fc.record(
      {
        id: fc.oneof(fc.constantFrom("PD1", "PD2", "PD3"), nastyString),
        title: nastyString,
        urgency: fc.constantFrom("high", "low", "medium"),
        priority: fc.option(fc.record({ summary: fc.constantFrom("P1", "P5", "P9") })),
      },
      { requiredKeys: [] },
    ),
  })
  .map<BodyCase>((event) => ({ kind: "json", value: { event }, mustReject: false, why: `event ${event.event_type.slice(0, 40)}` }));

interface FuzzCase {
  auth: AuthCase;
  params: Record<string, { value: string; known: boolean }>;
  query: [string, string][];
  body: BodyCase;
  idempotencyKey: string | null;
  clientAddress: string;
}

function caseArbitrary(route: RouteSpec): fc.Arbitrary<FuzzCase> {
  const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
  const params = fc.record(
    Object.fromEntries(
      names.map((name) => {
        const known = pathValues.filter((entry) => entry.param === name && entry.path.test(route.path)).flatMap((entry) => entry.values);
        const nasty = nastyString.filter((value) => value.length > 0).map((value) => ({ value, known: false }));
        return [
          name,
          known.length
            ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known).map((value) => ({ value, known: true })) }, { weight: 2, arbitrary: nasty })
            : nasty,
        ];
      }),
    ),
  );
  const query = fc.oneof(
    validishQuery(route),
    fc.array(fc.tuple(fc.oneof(fc.constantFrom(...Object.keys(route.query?.shape ?? { x: 1 })), nastyString), nastyString), { maxLength: 4 }),
  );
  return fc.record({
    auth: authCases(route),
    params,
    query,
    body:
      route.method === "get"
        ? fc.constant<BodyCase>({ kind: "none", mustReject: false, why: "GET" })
        : route.caller === "incident-webhook"
          ? fc.oneof(bodyCases(route), pagerDutyEvents)
          : bodyCases(route, { ignoresUnknownFields: ignoresUnknownFields(route) }),
    idempotencyKey: route.headers?.shape["idempotency-key"] ? fc.option(nastyString, { freq: 2 }) : fc.constant(null),
    clientAddress: fc.integer({ min: 1, max: 2000 }).map((n) => `198.51.100.${n % 256}:${n}`),
  });
}

/** Lone surrogates cannot be percent-encoded: the URL carries U+FFFD, as a browser would send (the handler still gets the raw value). */
const wellFormed = (value: string) => value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");

interface Outcome {
  status: number;
  contentType: string;
  text: string;
}

async function send(route: RouteSpec, handler: Handler, fuzz: FuzzCase): Promise<Outcome> {
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(wellFormed(fuzz.params[name]!.value)));
  const url = new URL(`http://localhost${path}`);
  for (const [key, value] of fuzz.query) url.searchParams.append(key, value);
  const headers = new Headers({ "x-baton-client-address": fuzz.clientAddress });
  /** Headers cannot carry every string: what no client could send goes hex-encoded instead. */
  const setHeader = (name: string, value: string) => {
    try {
      headers.set(name, value);
    } catch {
      headers.set(name, Buffer.from(value).toString("hex"));
    }
  };
  if (fuzz.auth.kind === "right" && fuzz.auth.token !== null) setHeader("authorization", `Bearer ${fuzz.auth.token}`);
  else if (fuzz.auth.kind === "bad" && fuzz.auth.header) setHeader("authorization", fuzz.auth.header);
  else if (fuzz.auth.token !== null) setHeader("authorization", `Bearer ${fuzz.auth.token}`);
  if (fuzz.idempotencyKey !== null) setHeader("idempotency-key", fuzz.idempotencyKey);
  let body: BodyInit | undefined;
  if (fuzz.body.kind === "json") {
    body = JSON.stringify(fuzz.body.value) ?? "null";
    headers.set("content-type", "application/json");
  } else if (fuzz.body.kind === "raw") {
    body = fuzz.body.bytes as Uint8Array<ArrayBuffer>;
    if (fuzz.body.contentType !== null) headers.set("content-type", fuzz.body.contentType);
  }
  if (fuzz.auth.webhook) {
    const { secret, ageSeconds, id, signature } = fuzz.auth.webhook;
    const at = new Date(Date.now() - ageSeconds * 1000);
    const payload = body === undefined ? "" : typeof body === "string" ? body : Buffer.from(body as Uint8Array);
    headers.set("webhook-id", id);
    headers.set("webhook-timestamp", String(Math.floor(at.getTime() / 1000)));
    setHeader("webhook-signature", signature ?? new Webhook(secret).sign(id, at, payload));
  }
  // Long-polls and event streams would wait: the signal ends them, as a client hanging up does.
  const request = new Request(url, { method: route.method.toUpperCase(), headers, body, signal: AbortSignal.timeout(250) });
  const params = Object.fromEntries(Object.entries(fuzz.params).map(([name, param]) => [name, param.value]));
  const response = await handler(request, { params: Promise.resolve(params) });
  const contentType = response.headers.get("content-type") ?? "";
  if (contentType.startsWith("text/event-stream")) {
    await response.body?.cancel();
    return { status: response.status, contentType, text: "" };
  }
  return { status: response.status, contentType, text: await response.text() };
}

/**
 * What a refused call may still write: the audit record of the refusal itself (`auth.refused`,
 * `….approval_refused`, `…_failed`: written on purpose in a transaction of its own) and a key's or
 * token's lastUsedAt.
 */
function unexpectedChanges(changes: RowChange[]): RowChange[] {
  return changes.filter((change) => {
    if (change.table === "AuditEvent" && change.op === "INSERT" && /(refused|_failed)$/.test(String(change.after?.action))) return false;
    if (change.table === "AuditHead") return false;
    if ((change.table === "AgentKey" || change.table === "PersonalToken") && change.op === "UPDATE") {
      const withoutLastUse = (row: Record<string, unknown>) => JSON.stringify({ ...row, lastUsedAt: null });
      return withoutLastUse(change.before!) !== withoutLastUse(change.after!);
    }
    return true;
  });
}

const describeCase = (route: RouteSpec, fuzz: FuzzCase, outcome: Outcome) =>
  `${route.method.toUpperCase()} ${route.path} [auth: ${fuzz.auth.kind === "right" ? "right" : fuzz.auth.why}; body: ${fuzz.body.why}] → ${outcome.status} ${outcome.contentType} ${outcome.text.slice(0, 300)}`;

const OAUTH_ERROR_CODES = /^(invalid_request|invalid_client|invalid_grant|invalid_scope|invalid_target|unsupported_grant_type)$/;

/** The statuses that may refuse a case with bad credentials. */
function refusalsFor(route: RouteSpec, fuzz: FuzzCase): number[] {
  const unknownParam = Object.values(fuzz.params).some((param) => !param.known);
  // The webhook receiver looks its integration up before the signature (an unknown or malformed slug is a 404 or 400),
  // and reads the body, capped, before it verifies the signature over it (an over-long one is a 413).
  if (route.caller === "incident-webhook")
    return unknownParam ? [400, 404, 413] : [...(fuzz.auth.kind === "bad" && fuzz.auth.refusedWith ? fuzz.auth.refusedWith : [401]), 413];
  // The token endpoint reads its body first (the agent key may be in it as actor_token), and RFC 6749 lets it refuse a
  // malformed (400) or over-long (413) request before it authenticates the client (401).
  if (route.oauthErrors) return [400, 401, 413, 429];
  return [401, 403, 429];
}

/**
 * A slug drawn as "unknown" may have been registered meanwhile by the fuzzing of the admin integrations route
 * (`constructor` is a valid slug): then the receiver rightly finds it and refuses the signature instead.
 */
async function markRegisteredSlugsKnown(route: RouteSpec, fuzz: FuzzCase) {
  if (route.caller !== "incident-webhook") return;
  for (const param of Object.values(fuzz.params)) {
    if (param.known) continue;
    const registered = await prisma.incidentIntegration.findUnique({ where: { slug: param.value }, select: { id: true } }).catch(() => null);
    if (registered) param.known = true;
  }
}

let casesRun = 0;
const statusCounts = new Map<number, number>();

function check(route: RouteSpec, fuzz: FuzzCase, outcome: Outcome, changes: RowChange[]) {
  casesRun++;
  statusCounts.set(outcome.status, (statusCounts.get(outcome.status) ?? 0) + 1);
  const where = describeCase(route, fuzz, outcome);
  expect(outcome.status, where).toBeLessThan(500);
  const mustReject = fuzz.auth.kind === "bad" || fuzz.body.mustReject || Object.values(fuzz.params).some((param) => !param.known);
  if (mustReject) expect(outcome.status, `must be refused: ${where}`).toBeGreaterThanOrEqual(400);
  if (fuzz.auth.kind === "bad") expect(refusalsFor(route, fuzz), where).toContain(outcome.status);
  if (outcome.status >= 400) {
    if (route.oauthErrors) {
      // RFC 6749 §5.2: `{error, error_description}` as application/json; a client that failed to authenticate is invalid_client.
      expect(outcome.contentType, where).toBe("application/json");
      const error = JSON.parse(outcome.text) as { error: unknown; error_description: unknown };
      expect(error, where).toMatchObject({ error: expect.stringMatching(OAUTH_ERROR_CODES), error_description: expect.any(String) });
      if (outcome.status === 401) expect(error.error, where).toBe("invalid_client");
    } else {
      expect(outcome.contentType, where).toBe("application/problem+json");
      const problem = JSON.parse(outcome.text) as { type: unknown; title: unknown; status: unknown; detail: unknown };
      expect(problem, where).toMatchObject({
        type: expect.stringMatching(/^urn:baton:problem:/),
        title: expect.any(String),
        status: outcome.status,
        detail: expect.any(String),
      });
    }
    expect(unexpectedChanges(changes), `a refused call changed stored rows: ${where}`).toEqual([]);
  }
}

describe(`fuzzing every /api/v1 route of the route table (${CASES_PER_ROUTE} cases each)`, () => {
  it("has a handler for every route of the table", async () => {
    for (const route of ROUTES) expect(await handlerOf(route), `${route.method} ${route.path} → ${handlerModuleOf(route)}`).toBeTypeOf("function");
  });

  describe.each(ROUTES.map((route) => [`${route.method.toUpperCase()} ${route.path}`, route] as const))("%s", (_, route) => {
    it("never fails with 5xx, refuses bad input with problem+json, and a refusal changes nothing", async () => {
      const handler = (await handlerOf(route))!;
      await fc.assert(
        fc.asyncProperty(caseArbitrary(route), async (fuzz) => {
          await markRegisteredSlugsKnown(route, fuzz);
          const outcome = await send(route, handler, fuzz);
          check(route, fuzz, outcome, await takeChanges());
        }),
        { numRuns: CASES_PER_ROUTE, endOnFailure: true },
      );
    });
  });

  describe("size and depth bombs, to every route that reads a body", () => {
    const bodyRoutes = ROUTES.filter((route) => route.body || route.caller === "incident-webhook");
    /**
     * The route's bearer credential or, for the webhook receiver, Standard Webhooks headers signing the body, so the
     * bomb is refused for what it is. A stream cannot be signed ahead: the receiver must refuse it by its size first.
     */
    function rightAuth(route: RouteSpec, body: BodyInit): Record<string, string> {
      if (route.caller !== "incident-webhook") return { authorization: `Bearer ${credentialsFor(callersOf(route))[0]!.token}` };
      if (typeof body !== "string") return {};
      const id = `msg_${crypto.randomUUID()}`;
      const at = new Date();
      return {
        "webhook-id": id,
        "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
        "webhook-signature": new Webhook(integration.webhookSecret).sign(id, at, body),
      };
    }
    /** The webhook receiver's payload is a PagerDuty event, which the route table does not describe: its one top-level field. */
    const topLevelFields = (route: RouteSpec) => (route.body ? bodyFields(route) : ["event"]);
    const params = (route: RouteSpec) =>
      Object.fromEntries(
        [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => [
          name!,
          pathValues.find((entry) => entry.param === name && entry.path.test(route.path))?.values[0] ?? "x",
        ]),
      );
    async function bomb(route: RouteSpec, body: BodyInit, headers: Record<string, string> = {}) {
      const request = new Request(`http://localhost${route.path}`, {
        method: route.method.toUpperCase(),
        headers: { ...rightAuth(route, body), "content-type": "application/json", ...headers },
        body,
        duplex: "half",
      } as RequestInit);
      const response = await (await handlerOf(route))!(request, { params: Promise.resolve(params(route)) });
      const text = await response.text();
      check(
        route,
        {
          auth: { kind: "right", token: null },
          params: {},
          query: [],
          body: { kind: "none", mustReject: false, why: "bomb" },
          idempotencyKey: null,
          clientAddress: "",
        },
        { status: response.status, contentType: response.headers.get("content-type") ?? "", text },
        await takeChanges(),
      );
      return { status: response.status, size: text.length };
    }

    it("refuses a 1 MB body by its Content-Length, and a 100 MB body without one after reading at most the limit", async () => {
      const heapBefore = process.memoryUsage().heapUsed;
      for (const route of bodyRoutes) {
        const megabyte = JSON.stringify({ padding: "x".repeat(1024 * 1024) });
        expect((await bomb(route, megabyte, { "content-length": String(megabyte.length) })).status, route.path).toBe(413);
        let pulled = 0;
        const chunk = new Uint8Array(64 * 1024).fill(0x20);
        const endless = new ReadableStream<Uint8Array>({
          pull(controller) {
            if (pulled >= 100 * 1024 * 1024) return controller.close();
            pulled += chunk.byteLength;
            controller.enqueue(chunk);
          },
        });
        expect((await bomb(route, endless)).status, route.path).toBe(413);
        expect(pulled, `${route.path} read ${pulled} bytes of a 100 MB body`).toBeLessThanOrEqual(256 * 1024);
      }
      expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
    });

    it("refuses 10,000-element arrays and 10,000 levels of nesting with a short 400 or 413", async () => {
      const deepArray = "[".repeat(10_000) + "]".repeat(10_000);
      const deepObject = '{"a":'.repeat(10_000) + "1" + "}".repeat(10_000);
      const bigArray = JSON.stringify(Array(10_000).fill("a"));
      for (const route of bodyRoutes) {
        const bodies = [
          deepArray,
          deepObject,
          bigArray,
          ...topLevelFields(route).flatMap((field) => [`{"${field}":${deepArray}}`, `{"${field}":${bigArray}}`, `{"${field}":${deepObject}}`]),
        ];
        for (const body of bodies) {
          const { status, size } = await bomb(route, body);
          expect([400, 413], `${route.path} ${body.slice(0, 30)}`).toContain(status);
          expect(size, `${route.path}: the problem stays short`).toBeLessThan(4096);
        }
      }
    });
  });

  it(`ran at least ${TOTAL_CASES} cases`, () => {
    console.log(
      `fuzz: ${casesRun} cases over ${ROUTES.length} routes; answers ${[...statusCounts.entries()]
        .sort(([a], [b]) => a - b)
        .map(([status, n]) => `${status}×${n}`)
        .join(", ")}`,
    );
    expect(casesRun).toBeGreaterThanOrEqual(TOTAL_CASES);
  });
});

import { decodeJwt } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { decideRequest, type Approver } from "@/lib/approvals/decide-request";
import { decisionBody } from "@/lib/approvals/decision-body";
import { AppError } from "@/lib/kernel/errors";
import * as requestsRoute from "@/app/api/v1/access-requests/route";
import * as requestRoute from "@/app/api/v1/access-requests/[id]/route";
import * as agentsRoute from "@/app/api/v1/admin/agents/route";
import * as keysRoute from "@/app/api/v1/admin/agents/[id]/keys/route";
import * as scopesRoute from "@/app/api/v1/admin/scopes/route";
import * as groupsRoute from "@/app/api/v1/admin/groups/route";
import * as tokenRoute from "@/app/api/v1/grants/[id]/token/route";
import * as introspectRoute from "@/app/api/v1/introspect/route";
import * as decisionsRoute from "@/app/api/v1/decisions/route";
import * as incidentsRoute from "@/app/api/v1/incidents/route";
import * as incidentGrantsRoute from "@/app/api/v1/incidents/[id]/grants/route";
import { call, ensureAdmin } from "./api-helpers";
import { CRM, setUpWorld, type World } from "./resource-server-fixtures";

const SCOPE = "crm.accounts:read";
/** Needs two approvals from tenant-approvers (Alice and Bob). */
const TWO_PERSON_SCOPE = "crm.ledger:read";
const acme = { type: "tenant", id: "acme" };
const globex = { type: "tenant", id: "globex" };
const constraint = (fields: Record<string, unknown>) => ({ type: "baton_constraint", ...fields });

let world: World;
let agent: { id: string; key: string };
let alice: Approver;
let bob: Approver;
let admin: string;

const file = (body: Record<string, unknown>) =>
  call(requestsRoute.POST, { token: agent.key, body: { scopes: [SCOPE], justification: "Reconciling tenant accounts", durationSeconds: 600, ...body } });
const decide = (body: Record<string, unknown>, secret = world.crmSecret) => call(decisionsRoute.POST, { token: secret, body });
/** On PostgreSQL the decision index learns of a new grant from a change notification: ask until it has. */
const decideOnce = (body: Record<string, unknown>) => expect.poll(async () => (await decide(body)).json, { timeout: 2000, interval: 10 });
const fieldsOf = (response: { json: { errors?: { field: string }[] } }) => response.json.errors?.map((error) => error.field);

beforeAll(async () => {
  admin = await ensureAdmin();
  world = await setUpWorld(admin);
  const scope = { key: SCOPE, risk: "MEDIUM", maxDurationSeconds: 3600, autoApprove: false, approverGroup: "crm-approvers", resourceServer: CRM };
  expect((await call(scopesRoute.POST, { token: admin, body: scope })).status).toBe(201);
  const group = { name: "tenant-approvers", memberEmails: ["alice@example.com", "bob@example.com"] };
  expect((await call(groupsRoute.POST, { token: admin, body: group })).status).toBe(201);
  const twoPerson = { ...scope, key: TWO_PERSON_SCOPE, approverGroup: "tenant-approvers", approvalsRequired: 2 };
  expect((await call(scopesRoute.POST, { token: admin, body: twoPerson })).status).toBe(201);
  const created = await call(agentsRoute.POST, {
    token: admin,
    body: { name: "tenant-bot", ownerEmail: "owner@example.com", eligibleScopes: [SCOPE, TWO_PERSON_SCOPE, "crm.customers:read", "logs.read"] },
  });
  const key = await call(keysRoute.POST, { token: admin, params: { id: created.json.id } });
  agent = { id: created.json.id, key: key.json.key };
  const approver = async (email: string): Promise<Approver> => {
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    return { kind: "person", userId: user.id, role: "APPROVER", authTime: new Date() };
  };
  alice = await approver("alice@example.com");
  bob = await approver("bob@example.com");
});

describe("grant constraints", () => {
  it("refuses malformed constraints with a 400 naming the field", async () => {
    expect(fieldsOf(await file({ authorizationDetails: [{ type: "payment_initiation" }] }))).toEqual(["authorizationDetails.0.type"]);
    expect(fieldsOf(await file({ authorizationDetails: [constraint({ locations: ["acme"] })] }))).toEqual(["authorizationDetails.0.locations.0"]);
    expect(fieldsOf(await file({ authorizationDetails: [constraint({ tenant: "acme" })] }))).toEqual(["authorizationDetails.0"]);
    expect(fieldsOf(await file({ authorizationDetails: [] }))).toEqual(["authorizationDetails"]);
    expect(fieldsOf(await file({ authorizationDetails: { type: "baton_constraint" } }))).toEqual(["authorizationDetails"]);
    const stray = await file({ authorizationDetails: [constraint({ scopes: ["logs.read"] })] });
    expect(stray.status).toBe(400);
    expect(fieldsOf(stray)).toEqual(["authorizationDetails.0.scopes"]);
    expect(await prisma.accessRequest.count({ where: { agentId: agent.id } })).toBe(0);
  });

  it("files, narrows on approval, puts them in the token and introspection, and decides by them", async () => {
    const requested = [constraint({ locations: ["tenant:*"], actions: ["read"] })];
    const filed = await file({ authorizationDetails: requested });
    expect(filed.status).toBe(201);
    expect(filed.json).toMatchObject({ status: "PENDING", authorizationDetails: requested });

    const approve = (authorizationDetails: unknown) =>
      decideRequest({
        principal: alice,
        requestId: filed.json.id,
        decision: { kind: "approve", comment: "", authorizationDetails: authorizationDetails as never },
      });
    const widened = await approve([constraint({ locations: ["tenant:*"], actions: ["read", "write"] })]).catch((error: unknown) => error);
    expect(widened).toBeInstanceOf(AppError);
    expect((widened as AppError).details.errors).toEqual([{ field: "authorizationDetails.0", message: "is not within any requested entry" }]);

    const narrowed = [constraint({ locations: ["tenant:acme"], actions: ["read"] })];
    expect(await approve(narrowed)).toMatchObject({ outcome: "approved" });
    const request = await call(requestRoute.GET, { token: agent.key, params: { id: filed.json.id } });
    expect(request.json.authorizationDetails).toEqual(requested);
    expect(request.json.grant.authorizationDetails).toEqual(narrowed);
    const grantId = request.json.grant.id as string;
    expect((await prisma.approval.findFirstOrThrow({ where: { requestId: filed.json.id } })).narrowedAuthorizationDetails).toEqual(narrowed);

    const token = (await call(tokenRoute.POST, { token: agent.key, params: { id: grantId }, body: { audience: CRM } })).json.access_token as string;
    expect(decodeJwt(token).authorization_details).toEqual(narrowed);
    expect((await call(introspectRoute.POST, { token: world.crmSecret, body: { token } })).json).toMatchObject({
      active: true,
      grant_id: grantId,
      authorization_details: narrowed,
    });

    expect((await decide({ token, scope: SCOPE, resource: acme })).json).toMatchObject({ allow: true, reason: "granted", grantId });
    expect((await decide({ token, scope: SCOPE, resource: globex })).json).toEqual({ allow: false, reason: "outside_constraints" });
    expect((await decide({ token, scope: SCOPE })).json).toEqual({ allow: false, reason: "outside_constraints" });
    expect((await decide({ token, scope: SCOPE, resource: acme, context: { action: "write" } })).json).toEqual({ allow: false, reason: "outside_constraints" });
    expect((await decide({ agentId: agent.id, scope: SCOPE, resource: { ...acme, properties: { plan: "gold" } } })).json).toMatchObject({
      allow: true,
      grantId,
    });
    expect((await decide({ agentId: agent.id, scope: SCOPE, resource: globex })).json).toEqual({ allow: false, reason: "outside_constraints" });
  });

  it("stores constraints on an auto-approved grant, and an unconstrained grant ignores the resource", async () => {
    const constrained = await file({ scopes: ["crm.customers:read"], authorizationDetails: [constraint({ locations: ["tenant:acme"] })] });
    expect(constrained.json.grant.authorizationDetails).toEqual([constraint({ locations: ["tenant:acme"] })]);
    const question = { agentId: agent.id, scope: "crm.customers:read", resource: globex };
    await decideOnce(question).toEqual({ allow: false, reason: "outside_constraints" });
    const open = await file({ scopes: ["crm.customers:read"] });
    expect(open.json.grant.authorizationDetails).toBeNull();
    await decideOnce(question).toMatchObject({
      allow: true,
      grantId: open.json.grant.id,
    });
  });

  it("lets an approver add constraints to an unconstrained request", async () => {
    const filed = await file({});
    expect(filed.json.authorizationDetails).toBeNull();
    const narrowed = [constraint({ locations: ["tenant:initech"] })];
    await decideRequest({ principal: alice, requestId: filed.json.id, decision: { kind: "approve", comment: "", authorizationDetails: narrowed as never } });
    const grant = await prisma.grant.findUniqueOrThrow({ where: { requestId: filed.json.id } });
    expect(grant.authorizationDetails).toEqual(narrowed);
  });

  it("combines two approvers' narrowing: the grant allows only what both allow", async () => {
    const approve = (who: Approver, requestId: string, narrowed: unknown[]) =>
      decideRequest({ principal: who, requestId, decision: { kind: "approve", comment: "", authorizationDetails: narrowed as never } });
    const filed = await file({ scopes: [TWO_PERSON_SCOPE], authorizationDetails: [constraint({ locations: ["tenant:*"] })] });
    expect(await approve(alice, filed.json.id, [constraint({ locations: ["tenant:acme", "tenant:globex"] })])).toMatchObject({ outcome: "recorded" });
    expect(await approve(bob, filed.json.id, [constraint({ locations: ["tenant:acme", "tenant:initech"], actions: ["read"] })])).toMatchObject({
      outcome: "approved",
    });
    const grant = await prisma.grant.findUniqueOrThrow({ where: { requestId: filed.json.id } });
    expect(grant.authorizationDetails).toEqual([constraint({ locations: ["tenant:acme"], actions: ["read"] })]);

    const disjoint = await file({ scopes: [TWO_PERSON_SCOPE] });
    await approve(alice, disjoint.json.id, [constraint({ locations: ["tenant:acme"] })]);
    const refused = await approve(bob, disjoint.json.id, [constraint({ locations: ["tenant:globex"] })]).catch((error: unknown) => error);
    expect((refused as AppError).details.errors).toEqual([{ field: "authorizationDetails", message: "leaves nothing in common with earlier approvals" }]);
    expect((await prisma.accessRequest.findUniqueOrThrow({ where: { id: disjoint.json.id } })).status).toBe("PENDING");
  });

  it("lets an incident commander constrain a direct grant", async () => {
    const incident = await call(incidentsRoute.POST, { token: admin, body: { title: "Tenant acme down", severity: "SEV2" } });
    expect(incident.status).toBe(201);
    const grantBody = { agentId: agent.id, scopes: ["crm.customers:read"], durationSeconds: 600, reason: "Read acme's customers during the outage" };
    const constraints = [constraint({ locations: ["tenant:acme"], scopes: ["crm.customers:read"] })];
    const granted = await call(incidentGrantsRoute.POST, {
      token: admin,
      params: { id: incident.json.id },
      body: { ...grantBody, authorizationDetails: constraints },
    });
    expect(granted.status).toBe(201);
    expect(granted.json.grant.authorizationDetails).toEqual(constraints);
    const stray = await call(incidentGrantsRoute.POST, {
      token: admin,
      params: { id: incident.json.id },
      body: { ...grantBody, authorizationDetails: [constraint({ scopes: ["logs.read"] })] },
    });
    expect(fieldsOf(stray)).toEqual(["authorizationDetails.0.scopes"]);
  });

  it("refuses bad questions and bad narrowing bodies with a 400 naming the field", async () => {
    const question = { agentId: agent.id, scope: SCOPE };
    expect((await decide({ ...question, resource: "tenant/acme" })).status).toBe(400);
    expect((await decide({ ...question, resource: { ...acme, owner: "x" } })).status).toBe(400);
    expect((await decide({ ...question, resource: { type: "tenant", id: "x".repeat(500) } })).status).toBe(400);
    expect((await decide({ ...question, context: { action: "read", time: "now" } })).status).toBe(400);
    expect((await decide({ token: "x", resource: { type: "tenant" } })).status).toBe(400);
    const body = decisionBody.safeParse({ decision: "approve", authorizationDetails: [{ type: "other" }] });
    expect(body.error?.issues.map((issue) => issue.path.join("."))).toEqual(["authorizationDetails.0.type"]);
  });
});

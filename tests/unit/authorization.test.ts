import { describe, expect, it } from "vitest";
import {
  conflictOfInterest,
  mayAdminister,
  mayCommandIncidents,
  mayDecideRequest,
  mayOpenIncidents,
  mayReadAudit,
  mayRunIncident,
  refusalToDecide,
  requireAdmin,
  requireAgent,
  requireAuditReader,
  requireCallerKind,
  revocableGrantsWhere,
  type CallerKind,
} from "@/lib/authorization/rules";
import { AppError } from "@/lib/kernel/errors";
import {
  personPrincipal,
  systemPrincipal,
  type AgentPrincipal,
  type IntegrationPrincipal,
  type Principal,
  type ResourceServerPrincipal,
} from "@/lib/kernel/principal";

type Role = "ADMIN" | "APPROVER" | "COMMANDER" | "VIEWER";
const person = (role: Role, userId = "usr_me") => personPrincipal(userId, role);
const agent: AgentPrincipal = {
  kind: "agent",
  agentId: "agt_1",
  agentName: "ops-bot",
  ownerId: "usr_owner",
  credential: "agent-key",
  keyId: "key_1",
  keyPrefix: "bat_1",
};
const tool: IntegrationPrincipal = { kind: "integration", integrationId: "itg_1", slug: "pagerduty" };
const server: ResourceServerPrincipal = { kind: "resource-server", resourceServerId: "rs_1", name: "CRM", audience: "https://crm.example" };
const job = systemPrincipal("expire-due-grants");

/** The refusal a rule throws, so a test can compare code and message. */
function refusal(check: () => void): { code: string; message: string } | null {
  try {
    check();
    return null;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { code: error.code, message: error.message };
  }
}

describe("administration", () => {
  it.each([
    ["an admin", person("ADMIN"), true],
    ["a commander", person("COMMANDER"), false],
    ["an approver", person("APPROVER"), false],
    ["a viewer", person("VIEWER"), false],
    ["an agent", agent, false],
    ["an integration", tool, false],
    ["a resource server", server, false],
    ["a job", job, false],
  ] as [string, Principal, boolean][])("%s → %s", (_, principal, allowed) => {
    expect(mayAdminister(principal)).toBe(allowed);
    expect(refusal(() => requireAdmin(principal))).toEqual(allowed ? null : { code: "FORBIDDEN", message: "This needs the admin role" });
  });
});

describe("the audit log", () => {
  it.each([
    ["ADMIN", true],
    ["COMMANDER", true],
    ["APPROVER", true],
    ["VIEWER", false],
  ] as [Role, boolean][])("%s → %s", (role, allowed) => {
    expect(mayReadAudit(person(role))).toBe(allowed);
    expect(refusal(() => requireAuditReader(person(role)))).toEqual(
      allowed ? null : { code: "FORBIDDEN", message: "Your role does not allow reading the audit log" },
    );
  });
});

describe("who runs an incident", () => {
  it.each([
    ["an admin, any incident", person("ADMIN"), { commanderId: "usr_other", externalSource: null }, true],
    ["its commander", person("COMMANDER"), { commanderId: "usr_me", externalSource: null }, true],
    ["another commander", person("COMMANDER"), { commanderId: "usr_other", externalSource: null }, false],
    ["any commander while nobody commands it", person("COMMANDER"), { commanderId: null, externalSource: "pagerduty" }, true],
    ["an approver, even when nobody commands it", person("APPROVER"), { commanderId: null, externalSource: null }, false],
    ["a viewer named as commander (role changed since)", person("VIEWER"), { commanderId: "usr_me", externalSource: null }, false],
    ["the integration that opened it", tool, { commanderId: "usr_other", externalSource: "pagerduty" }, true],
    ["another tool's or a person's incident, for an integration", tool, { commanderId: null, externalSource: null }, false],
    ["an agent", agent, { commanderId: null, externalSource: null }, false],
    ["a job", job, { commanderId: null, externalSource: null }, false],
  ] as [string, Principal, { commanderId: string | null; externalSource: string | null }, boolean][])("%s → %s", (_, principal, incident, expected) => {
    expect(mayRunIncident(principal, incident)).toBe(expected);
  });

  it("lets commanders, admins and integrations open incidents, nobody else", () => {
    expect([person("ADMIN"), person("COMMANDER"), tool, person("APPROVER"), person("VIEWER"), agent, server, job].map(mayOpenIncidents)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it("admits only commanders and admins to the incident forms (mayCommandIncidents), not the integrations that may open one", () => {
    expect([person("ADMIN"), person("COMMANDER"), tool, person("APPROVER"), person("VIEWER"), agent, server, job].map(mayCommandIncidents)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe("who may decide a request", () => {
  const request = { agentOwnerId: "usr_owner", onBehalfOfId: "usr_for", filedById: "usr_filer" };

  it("refuses viewers before anything else", () => {
    expect(refusalToDecide(person("VIEWER", "usr_owner"), request)).toMatchObject({
      reason: "viewer role",
      error: { code: "FORBIDDEN", message: "Viewers cannot decide requests" },
    });
  });

  it.each([
    ["usr_owner", "you own the agent that asked"],
    ["usr_for", "the agent acts on your behalf"],
    ["usr_filer", "you filed this request"],
  ])("separation of duties: %s may not decide (%s)", (userId, interest) => {
    expect(conflictOfInterest(userId, request)).toBe(interest);
    expect(refusalToDecide(person("APPROVER", userId), request)).toMatchObject({
      reason: `separation of duties: ${interest}`,
      error: { code: "FORBIDDEN", message: `You cannot decide this request: ${interest}` },
    });
  });

  it("lets an approver, commander or admin with no stake through, then routing decides", () => {
    for (const role of ["APPROVER", "COMMANDER", "ADMIN"] as const) expect(refusalToDecide(person(role), request)).toBeNull();
    expect(mayDecideRequest(person("APPROVER"), new Set(["usr_me"]))).toBe(true);
    expect(mayDecideRequest(person("ADMIN"), new Set(["usr_other"]))).toBe(false);
  });
});

describe("which grants a principal may revoke", () => {
  const decided = async () => ["deploy:write"];

  it("an agent its own, an admin any, another person those of agents they own or scopes their group decides", async () => {
    expect(await revocableGrantsWhere(agent, decided)).toEqual({ agentId: "agt_1" });
    expect(await revocableGrantsWhere(person("ADMIN"), decided)).toEqual({});
    for (const role of ["VIEWER", "APPROVER", "COMMANDER"] as const)
      expect(await revocableGrantsWhere(person(role), decided)).toEqual({ OR: [{ agent: { ownerId: "usr_me" } }, { scopes: { hasSome: ["deploy:write"] } }] });
  });

  it("nothing for anyone else", async () => {
    for (const principal of [tool, server, job]) expect(await revocableGrantsWhere(principal, decided)).toEqual({ id: { in: [] } });
  });
});

describe("each kind of caller reaches only its routes", () => {
  it.each([
    [["agent"], agent, null],
    [["agent", "admin"], person("ADMIN"), null],
    [["commander"], person("COMMANDER"), null],
    [["commander"], person("ADMIN"), null],
    [["resource-server"], server, null],
    [["integration", "commander"], tool, null],
    [["admin"], person("COMMANDER"), "This route needs the admin role"],
    [["commander", "integration"], person("APPROVER"), "This route needs the commander or admin role"],
    [["agent"], person("ADMIN"), "This route is for agents (agent key)"],
    [["admin"], agent, "This route is for administrators (an admin's personal token)"],
    [["resource-server"], tool, "This route is for resource servers (their batonrs_ secret)"],
    [["agent", "admin"], server, "This route is for agents (agent key) or administrators (an admin's personal token)"],
    [["integration"], job, "This route is for incident-tool integrations (their batonint_ credential)"],
  ] as [CallerKind[], Principal, string | null][])("%j with %o", (allowed, principal, message) => {
    expect(refusal(() => requireCallerKind(allowed, principal))).toEqual(message === null ? null : { code: "FORBIDDEN", message });
  });

  it("the MCP endpoint takes agents only", () => {
    expect(refusal(() => requireAgent(agent))).toBeNull();
    expect(refusal(() => requireAgent(person("ADMIN")))).toEqual({
      code: "FORBIDDEN",
      message: "The MCP endpoint is for agents: authenticate with an agent key",
    });
  });
});

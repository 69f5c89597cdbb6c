import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { canRunIncident, mayOpenIncidents, type IncidentActor } from "@/lib/incidents/incident-actor";
import { grantAuthorityForm } from "@/lib/incidents/form-schemas";
import { parseIncidentToolEvent } from "@/lib/incidents/pagerduty-event";

const person = (role: "ADMIN" | "APPROVER" | "COMMANDER" | "VIEWER", userId = "usr_me"): IncidentActor => ({ kind: "person", person: { userId, role } });
const tool: IncidentActor = { kind: "integration", integrationId: "itg_1", slug: "pagerduty" };

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
  ])("%s → %s", (_, actor, incident, expected) => {
    expect(canRunIncident(actor, incident)).toBe(expected);
  });

  it("lets commanders, admins and integrations open incidents, nobody else", () => {
    expect([person("ADMIN"), person("COMMANDER"), tool, person("APPROVER"), person("VIEWER")].map(mayOpenIncidents)).toEqual([true, true, true, false, false]);
  });
});

const event = (eventType: string, data: Record<string, unknown>) => ({ event: { id: "01J", event_type: eventType, data } });

describe("mapping PagerDuty-style events", () => {
  it.each([
    [{ priority: { summary: "P1" }, urgency: "low" }, "SEV1"],
    [{ priority: { summary: "P2" } }, "SEV2"],
    [{ priority: { summary: "P3" } }, "SEV3"],
    [{ priority: { summary: "P5" } }, "SEV4"],
    [{ priority: null, urgency: "high" }, "SEV2"],
    [{ urgency: "low" }, "SEV3"],
    [{ priority: { summary: "Custom" } }, "SEV3"],
  ])("triggered with %j → %s", (extra, severity) => {
    expect(parseIncidentToolEvent(event("incident.triggered", { id: "PX1", title: "Down", ...extra }))).toEqual({
      kind: "triggered",
      eventType: "incident.triggered",
      incident: { title: "Down", description: undefined, severity, externalId: "PX1" },
    });
  });

  it("maps resolved to the external id, and any other type to nothing", () => {
    expect(parseIncidentToolEvent(event("incident.resolved", { id: "PX1" }))).toEqual({ kind: "resolved", eventType: "incident.resolved", externalId: "PX1" });
    expect(parseIncidentToolEvent(event("incident.acknowledged", {}))).toEqual({ kind: "other", eventType: "incident.acknowledged" });
  });

  it.each([
    ["no event at all", { ping: true }],
    ["a trigger without a title", event("incident.triggered", { id: "PX1" })],
    ["a title with control characters", event("incident.triggered", { id: "PX1", title: "Down\u001b[31m" })],
    ["an external id with spaces", event("incident.resolved", { id: "P X1" })],
  ])("refuses %s", (_, payload) => {
    expect(() => parseIncidentToolEvent(payload)).toThrow(ZodError);
  });
});

describe("the grant-authority form", () => {
  const form = { incidentId: "inc_01jd3z8k6q4d2w5h7x9c0v1b2n", agentId: "agt_01jd3z8k6q4d2w5h7x9c0v1b2n", "grantScope:crm.notes:write": "on", reason: "Annotate the affected customers" };

  it("reads one checkbox per scope and a written duration", () => {
    expect(grantAuthorityForm.parse({ ...form, duration: "1 h 30 min" })).toMatchObject({ scopes: ["crm.notes:write"], duration: 5400 });
  });

  it("reads the seconds the dialog's duration control posts", () => {
    expect(grantAuthorityForm.parse({ ...form, duration: "1800" })).toMatchObject({ duration: 1800 });
  });

  it.each([
    ["0 min", "duration"],
    ["soon", "duration"],
  ])("refuses the duration %j", (duration, field) => {
    const result = grantAuthorityForm.safeParse({ ...form, duration });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([field]);
  });

  it("needs at least one scope", () => {
    const withoutScopes = Object.fromEntries(Object.entries(form).filter(([field]) => !field.startsWith("grantScope:")));
    expect(grantAuthorityForm.safeParse({ ...withoutScopes, duration: "15 min" }).error?.issues[0]?.path).toEqual(["scopes"]);
  });
});

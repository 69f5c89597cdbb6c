import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { grantAuthorityForm } from "@/lib/incidents/form-schemas";
import { parseIncidentToolEvent } from "@/lib/incidents/pagerduty-event";

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
  const form = {
    incidentId: "inc_01jd3z8k6q4d2w5h7x9c0v1b2n",
    agentId: "agt_01jd3z8k6q4d2w5h7x9c0v1b2n",
    "grantScope:crm.notes:write": "on",
    reason: "Annotate the affected customers",
  };

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

import { describe, expect, it } from "vitest";
import { actorRef, describeEventData, mentionedIds, subjectRef, type NamedRef } from "@/lib/audit/describe-event";
import { timeLeftAt } from "@/lib/grants/time-left";
import { approvalChartCeiling, timeToApproveQuery } from "@/lib/overview/time-to-approve-scale";
import { grantSearchQuery } from "@/lib/grants/schemas";

const USER = "usr_01jd3z8k6q4d2w5h7x9c0v1b2n";
const AGENT = "agt_01jd3z8k6q4d2w5h7x9c0v1b2n";
const INCIDENT = "inc_01jd3z8k6q4d2w5h7x9c0v1b2n";
const GRANT = "grt_01jd3z8k6q4d2w5h7x9c0v1b2n";
const UNKNOWN_USER = "usr_01jd3z8k6q4d2w5h7x9c0v1b2z";

const names = new Map<string, NamedRef>([
  [USER, { id: USER, label: "Alice", href: "/users" }],
  [AGENT, { id: AGENT, label: "deploy-bot", href: `/agents/${AGENT}` }],
  [INCIDENT, { id: INCIDENT, label: "Checkout down", href: `/incidents/${INCIDENT}` }],
  [GRANT, { id: GRANT, label: "deploy-bot", href: `/grants/${GRANT}` }],
]);

const event = (data: unknown, extra: Partial<Parameters<typeof mentionedIds>[0][number]> = {}) => ({
  actorKind: "USER",
  actorId: USER,
  subjectKind: "grant",
  subjectId: GRANT,
  agentId: AGENT,
  data,
  ...extra,
});

describe("an audit event in words", () => {
  it("collects every nameable id an event mentions, in actors, subjects, agents and the data", () => {
    const ids = mentionedIds([event({ incidentId: INCIDENT, approverIds: [UNKNOWN_USER], scopes: ["deploy:write"], note: "usr_not-an-id" })]);
    expect(ids.sort()).toEqual([AGENT, GRANT, INCIDENT, USER, UNKNOWN_USER].sort());
  });

  it("names and links ids, writes seconds as durations, and leaves out empty values", () => {
    const lines = describeEventData(
      {
        incidentId: INCIDENT,
        durationSeconds: 1800,
        narrowedDurationSeconds: null,
        scopes: ["a:read", "b:write"],
        comment: "",
        approverIds: [USER, UNKNOWN_USER],
      },
      names,
    );
    expect(lines).toEqual([
      { name: "incident", parts: [names.get(INCIDENT)] },
      { name: "duration", parts: [{ id: null, label: "30 min", href: null }] },
      {
        name: "scopes",
        parts: [
          { id: null, label: "a:read", href: null },
          { id: null, label: "b:write", href: null },
        ],
      },
      { name: "approvers", parts: [names.get(USER), { id: UNKNOWN_USER, label: UNKNOWN_USER, href: null }] },
    ]);
  });

  it("names the actor and the subject, and keeps the kind where there is no name", () => {
    expect(actorRef(event({}), names).label).toBe("Alice");
    expect(actorRef(event({}, { actorKind: "SYSTEM", actorId: null }), names).label).toBe("system");
    expect(subjectRef(event({}), names)).toEqual({ id: GRANT, label: "grant deploy-bot", href: `/grants/${GRANT}` });
    expect(subjectRef(event({}, { subjectKind: "signing_key", subjectId: "kid-1" }), names)).toEqual({ id: null, label: "signing key kid-1", href: null });
  });

  it("writes data that is not an object as one line", () => {
    expect(describeEventData(null, names)).toEqual([]);
    expect(describeEventData([1, 2], names)).toEqual([{ name: "data", parts: [{ id: null, label: "[1,2]", href: null }] }]);
  });
});

describe("a grant's time left", () => {
  const T0 = Date.parse("2030-01-01T12:00:00Z");
  const grant = (lifetimeMinutes: number, leftSeconds: number, extra: { status?: "ACTIVE" | "REVOKED"; revokedAt?: string | null } = {}) => ({
    status: extra.status ?? ("ACTIVE" as const),
    startsAt: new Date(T0 + leftSeconds * 1000 - lifetimeMinutes * 60_000).toISOString(),
    expiresAt: new Date(T0 + leftSeconds * 1000).toISOString(),
    revokedAt: extra.revokedAt ?? null,
  });

  it("turns amber under 5 minutes and red under 1", () => {
    expect(timeLeftAt(grant(30, 600), T0)).toMatchObject({ remainingSeconds: 600, totalSeconds: 1800, urgency: "ok" });
    expect(timeLeftAt(grant(30, 300), T0)?.urgency).toBe("ok");
    expect(timeLeftAt(grant(30, 299), T0)?.urgency).toBe("warning");
    expect(timeLeftAt(grant(30, 60), T0)?.urgency).toBe("warning");
    expect(timeLeftAt(grant(30, 59), T0)?.urgency).toBe("critical");
    expect(timeLeftAt(grant(30, 900), T0)?.fraction).toBe(0.5);
  });

  it("is gone once the grant has expired or been revoked", () => {
    expect(timeLeftAt(grant(30, 0), T0)).toBeNull();
    expect(timeLeftAt(grant(30, 600, { status: "REVOKED", revokedAt: new Date(T0 - 1000).toISOString() }), T0)).toBeNull();
  });
});

describe("the time-to-approve chart", () => {
  it("stops its axis at twice the range's 90th percentile and says when a bucket is drawn at the ceiling", () => {
    const buckets = [{ p90Seconds: 120 }, { p90Seconds: null }, { p90Seconds: 3 * 86_400 }];
    expect(approvalChartCeiling(buckets, 150)).toEqual({ ceilingSeconds: 300, clamped: true });
    expect(approvalChartCeiling([{ p90Seconds: 120 }], 150)).toEqual({ ceilingSeconds: 300, clamped: false });
    expect(approvalChartCeiling([{ p90Seconds: 5 }], 5)).toEqual({ ceilingSeconds: 60, clamped: false });
    expect(approvalChartCeiling([{ p90Seconds: null }], null)).toEqual({ ceilingSeconds: null, clamped: false });
  });

  it("offers 24 h, 7 d and 30 d and refuses anything else", () => {
    expect(timeToApproveQuery.parse({})).toEqual({ range: "7d" });
    expect(timeToApproveQuery.parse({ range: "30d" })).toEqual({ range: "30d" });
    expect(timeToApproveQuery.safeParse({ range: "1y" }).success).toBe(false);
  });
});

describe("the grants list's expiring filter", () => {
  it("reads a window as people write durations, kept as written", () => {
    expect(grantSearchQuery.parse({ expiring: "15m" }).expiring).toBe("15m");
    expect(grantSearchQuery.parse({ expiring: "" }).expiring).toBeUndefined();
  });

  it.each(["soon", "0m", "8d", "15"])("refuses %j, naming the field", (expiring) => {
    const result = grantSearchQuery.safeParse({ expiring });
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["expiring"]);
  });
});

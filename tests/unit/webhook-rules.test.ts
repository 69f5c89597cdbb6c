import { describe, expect, it } from "vitest";
import { reminderDueAt } from "@/lib/grants/reminder-due-at";
import { eventFilterSchema, matchesEventFilter } from "@/lib/webhooks/event-filter";
import { MAX_DELIVERY_ATTEMPTS, nextAttemptAfter } from "@/lib/webhooks/retry-schedule";

describe("webhook event filters", () => {
  it("match exact actions, prefixes and everything", () => {
    expect(matchesEventFilter(["grant.revoked"], "grant.revoked")).toBe(true);
    expect(matchesEventFilter(["grant.revoked"], "grant.expired")).toBe(false);
    expect(matchesEventFilter(["grant.*"], "grant.expired")).toBe(true);
    expect(matchesEventFilter(["grant.*"], "grants.thing")).toBe(false);
    expect(matchesEventFilter(["request.*"], "grant.issued")).toBe(false);
    expect(matchesEventFilter(["*"], "user.signed_in")).toBe(true);
  });

  it("accept only known actions and domains, naming the bad entry", () => {
    expect(eventFilterSchema.safeParse(["grant.*", "request.approved", "*"]).success).toBe(true);
    const refused = eventFilterSchema.safeParse(["grant.*", "grant.exploded", "nothing.*", "grant"]);
    expect(refused.error?.issues.map((issue) => issue.path.join("."))).toEqual(["1", "2", "3"]);
    expect(eventFilterSchema.safeParse([]).success).toBe(false);
  });
});

describe("the retry schedule", () => {
  const now = new Date("2026-11-24T12:00:00.000Z");
  it("backs off by four times each attempt, then gives up after five attempts", () => {
    const waits = [1, 2, 3, 4].map((attempts) => nextAttemptAfter(attempts, now)!.getTime() - now.getTime());
    expect(waits).toEqual([30_000, 120_000, 480_000, 1_920_000]);
    expect(nextAttemptAfter(MAX_DELIVERY_ATTEMPTS, now)).toBeNull();
    expect(nextAttemptAfter(1, now, 100)!.getTime() - now.getTime()).toBe(100);
  });
});

describe("expiry reminders", () => {
  const startsAt = new Date("2026-11-24T12:00:00.000Z");
  it("fall the lead time before the end, for grants longer than the lead time only", () => {
    expect(reminderDueAt({ startsAt, expiresAt: new Date("2026-11-24T13:00:00.000Z") }, 300)?.toISOString()).toBe("2026-11-24T12:55:00.000Z");
    expect(reminderDueAt({ startsAt, expiresAt: new Date("2026-11-24T12:05:00.000Z") }, 300)).toBeNull();
    expect(reminderDueAt({ startsAt, expiresAt: new Date("2026-11-24T13:00:00.000Z") }, 0)).toBeNull();
  });
});

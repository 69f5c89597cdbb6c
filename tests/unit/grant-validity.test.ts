import { describe, expect, it } from "vitest";
import { effectiveGrantState, secondsRemaining, type GrantTimes } from "@/lib/grants/grant-validity";
import { isGrantLive } from "@/lib/kernel/live-grant";
import { manualClock } from "@/lib/kernel/clock";

const expiresAt = new Date("2026-11-24T12:00:00.000Z");
const grant: GrantTimes = { status: "ACTIVE", startsAt: new Date("2026-11-24T11:00:00.000Z"), expiresAt, revokedAt: null };

describe("grant validity", () => {
  it("allows at exp − 1 ms and denies at exp and exp + 1 ms", () => {
    const clock = manualClock(expiresAt.getTime() - 1);
    expect(isGrantLive(grant, clock.now())).toBe(true);
    clock.advance(1);
    expect(isGrantLive(grant, clock.now())).toBe(false);
    expect(effectiveGrantState(grant, clock.now())).toBe("EXPIRED");
    clock.advance(1);
    expect(isGrantLive(grant, clock.now())).toBe(false);
  });

  it("is expired past its time even while still marked ACTIVE (no job has run)", () => {
    expect(effectiveGrantState(grant, new Date("2026-11-25T00:00:00Z"))).toBe("EXPIRED");
  });

  it("denies before it starts", () => {
    expect(effectiveGrantState(grant, new Date("2026-11-24T10:59:59.999Z"))).toBe("NOT_STARTED");
  });

  it("denies a revoked grant at once, even inside its window", () => {
    const now = new Date("2026-11-24T11:30:00Z");
    expect(isGrantLive({ ...grant, status: "REVOKED", revokedAt: now }, now)).toBe(false);
    expect(effectiveGrantState({ ...grant, revokedAt: now }, now)).toBe("REVOKED");
  });

  it("denies a grant marked EXPIRED even if its clock says otherwise", () => {
    expect(isGrantLive({ ...grant, status: "EXPIRED" }, new Date("2026-11-24T11:30:00Z"))).toBe(false);
  });

  it("counts whole seconds remaining, and none once inactive", () => {
    expect(secondsRemaining(grant, new Date(expiresAt.getTime() - 90_500))).toBe(90);
    expect(secondsRemaining(grant, expiresAt)).toBe(0);
  });
});

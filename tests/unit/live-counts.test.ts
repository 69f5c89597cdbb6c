import { describe, expect, it } from "vitest";
import { liveCounts } from "@/components/overview/live-counts";
import type { Overview } from "@/components/overview/overview-queries";

const T0 = Date.parse("2030-01-01T12:00:00Z");
const MIN = 60_000;

function grantExpiringIn(minutes: number, n: number) {
  return {
    id: `grt_${n}`,
    status: "ACTIVE" as const,
    startsAt: new Date(T0 - MIN).toISOString(),
    expiresAt: new Date(T0 + minutes * MIN).toISOString(),
    revokedAt: null,
  };
}

function overview(grants: ReturnType<typeof grantExpiringIn>[], counts: Partial<Overview["counts"]> = {}, pendingLapses: number[] = []): Overview {
  return {
    counts: { pendingRequests: pendingLapses.length, activeGrants: grants.length, expiringSoon: 0, openIncidents: 2, activeAgents: 3, ...counts },
    activeGrants: grants,
    pendingRequests: pendingLapses.map((minutes, n) => ({ id: `req_${n}`, pendingExpiresAt: new Date(T0 + minutes * MIN).toISOString() })),
  } as unknown as Overview;
}

describe("the overview's live counts", () => {
  it("drop a grant from active the instant it expires, and count the ones inside the 15-minute window", () => {
    const data = overview([grantExpiringIn(1, 1), grantExpiringIn(14, 2), grantExpiringIn(17, 3)]);
    expect(liveCounts(data, T0)).toMatchObject({ activeGrants: 3, expiringSoon: 2 });
    expect(liveCounts(data, T0 + MIN - 1)).toMatchObject({ activeGrants: 3, expiringSoon: 2 });
    expect(liveCounts(data, T0 + MIN)).toMatchObject({ activeGrants: 2, expiringSoon: 1 });
    expect(liveCounts(data, T0 + 2 * MIN)).toMatchObject({ activeGrants: 2, expiringSoon: 2 }); // the 17-minute one entered the window
    expect(liveCounts(data, T0 + 17 * MIN)).toMatchObject({ activeGrants: 0, expiringSoon: 0 });
  });

  it("fall back to the server's count when more grants exist than were listed and all listed ones expire soon", () => {
    const data = overview([grantExpiringIn(1, 1), grantExpiringIn(2, 2)], { activeGrants: 60, expiringSoon: 40 });
    expect(liveCounts(data, T0)).toMatchObject({ activeGrants: 60, expiringSoon: 40 });
    expect(liveCounts(data, T0 + MIN)).toMatchObject({ activeGrants: 59, expiringSoon: 39 });
  });

  it("let pending requests lapse on time, and pass the rest through", () => {
    const data = overview([], {}, [5, 30]);
    expect(liveCounts(data, T0 + 5 * MIN)).toEqual({ pendingRequests: 1, activeGrants: 0, expiringSoon: 0, openIncidents: 2, activeAgents: 3 });
  });
});

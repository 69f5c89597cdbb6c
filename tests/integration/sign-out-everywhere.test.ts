import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { isSessionCurrent, SESSION_MAX_AGE_SECONDS } from "@/lib/auth/session-validity";
import { signOutEverywhere } from "@/lib/auth/sign-out-everywhere";
import { manualClock } from "@/lib/kernel/clock";
import { newId } from "@/lib/kernel/ids";

describe("sessions", () => {
  it("signed in before 'sign out everywhere' are refused; one signed in a moment later counts", async () => {
    const user = await prisma.user.create({ data: { id: newId("user"), email: "sam@example.com", name: "Sam", sessionsValidAfter: new Date(0) } });
    const clock = manualClock("2026-11-24T10:00:00.500Z");
    const earlier = { authTime: new Date("2026-11-24T09:00:00Z") };
    expect(isSessionCurrent(earlier, user, clock.now())).toBe(true);

    await signOutEverywhere({ principal: { kind: "person" as const, userId: user.id, role: user.role }, clock });
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.sessionsValidAfter).toEqual(clock.now());
    expect(isSessionCurrent(earlier, after, clock.now())).toBe(false);
    // Same second, later millisecond: a sign-in right after signing out everywhere is not caught by it.
    expect(isSessionCurrent({ authTime: new Date("2026-11-24T10:00:00.900Z") }, after, new Date("2026-11-24T10:00:01Z"))).toBe(true);
    expect(await prisma.auditEvent.findFirst({ where: { action: "user.signed_out_everywhere", subjectId: user.id } })).toMatchObject({
      actorKind: "USER",
      actorId: user.id,
    });
  });

  it("end 12 hours after sign-in, however actively they are used", () => {
    const user = { sessionsValidAfter: new Date(0) };
    const authTime = new Date("2026-11-24T08:00:00Z");
    expect(SESSION_MAX_AGE_SECONDS).toBe(12 * 3600);
    expect(isSessionCurrent({ authTime }, user, new Date("2026-11-24T19:59:59Z"))).toBe(true);
    expect(isSessionCurrent({ authTime }, user, new Date("2026-11-24T20:00:00Z"))).toBe(false);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { PersonPrincipal } from "@/lib/kernel/principal";
import { authenticateBearer } from "@/lib/auth/authenticate-bearer";
import { manualClock } from "@/lib/kernel/clock";
import { sha256Hex } from "@/lib/crypto/secrets";
import { newId } from "@/lib/kernel/ids";
import { createPersonalToken } from "@/lib/tokens/create-personal-token";
import { listPersonalTokens } from "@/lib/tokens/list-personal-tokens";
import { revokePersonalToken } from "@/lib/tokens/revoke-personal-token";

const people: Record<string, PersonPrincipal> = {};

beforeAll(async () => {
  for (const [handle, role] of [
    ["ada", "ADMIN"],
    ["val", "VIEWER"],
  ] as const) {
    const user = await prisma.user.create({ data: { id: newId("user"), email: `${handle}@example.com`, name: handle, role, sessionsValidAfter: new Date(0) } });
    people[handle] = { kind: "person" as const, userId: user.id, role };
  }
});

describe("personal tokens", () => {
  it("are batonpat_ tokens shown once: only a hash and a short prefix are stored", async () => {
    const created = await createPersonalToken({ principal: people.ada!, input: { name: "laptop CLI" } });
    expect(created.token).toMatch(/^batonpat_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({ name: "laptop CLI", prefix: created.token.slice(0, 13), expiresAt: null, revokedAt: null });

    const stored = await prisma.personalToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.hash).toBe(sha256Hex(created.token));
    expect(JSON.stringify(stored)).not.toContain(created.token.slice(13));
    const events = await prisma.auditEvent.findMany({ where: { subjectId: created.id } });
    expect(events.map((e) => e.action)).toEqual(["personal_token.created"]);
    expect(JSON.stringify(events.map((e) => e.data))).not.toContain(created.token.slice(13));

    const { tokens: listed } = await listPersonalTokens({ principal: people.ada! });
    expect(listed).toEqual([
      { id: created.id, name: "laptop CLI", prefix: created.prefix, createdAt: created.createdAt, lastUsedAt: null, expiresAt: null, revokedAt: null },
    ]);
    expect(listed[0]).not.toHaveProperty("token");
  });

  it("authenticate until revoked, then never again; revoking twice changes nothing", async () => {
    const clock = manualClock(new Date());
    const created = await createPersonalToken({ principal: people.ada!, input: { name: "ci" }, clock });
    await expect(authenticateBearer({ token: created.token, clock })).resolves.toMatchObject({
      kind: "person",
      userId: people.ada!.userId,
      authenticatedBy: "personal-token",
    });

    clock.advance(1000);
    const revoked = await revokePersonalToken({ principal: people.ada!, tokenId: created.id, clock });
    expect(revoked.revokedAt).toBe(clock.now().toISOString());
    await expect(authenticateBearer({ token: created.token, clock })).rejects.toMatchObject({ status: 401 });

    clock.advance(1000);
    expect((await revokePersonalToken({ principal: people.ada!, tokenId: created.id, clock })).revokedAt).toBe(revoked.revokedAt);
    expect(await prisma.auditEvent.count({ where: { action: "personal_token.revoked", subjectId: created.id } })).toBe(1);
  });

  it("expire when asked to", async () => {
    const clock = manualClock("2026-11-24T10:00:00Z");
    const created = await createPersonalToken({ principal: people.val!, input: { name: "short-lived", expiresInSeconds: 3600 }, clock });
    expect(created.expiresAt).toBe("2026-11-24T11:00:00.000Z");
    await expect(authenticateBearer({ token: created.token, clock })).resolves.toMatchObject({ userId: people.val!.userId });
    clock.advance(3600 * 1000);
    await expect(authenticateBearer({ token: created.token, clock })).rejects.toMatchObject({ status: 401 });
  });

  it("belong to their owner: another person's token id is not found, and not listed", async () => {
    const adas = await createPersonalToken({ principal: people.ada!, input: { name: "ada's" } });
    await expect(revokePersonalToken({ principal: people.val!, tokenId: adas.id })).rejects.toMatchObject({ status: 404 });
    await expect(revokePersonalToken({ principal: people.val!, tokenId: "pat_01jd0000000000000000000000" })).rejects.toMatchObject({ status: 404 });
    expect((await prisma.personalToken.findUniqueOrThrow({ where: { id: adas.id } })).revokedAt).toBeNull();
    expect((await listPersonalTokens({ principal: people.val! })).tokens.map((t) => t.name)).toEqual(["short-lived"]);
  });
});

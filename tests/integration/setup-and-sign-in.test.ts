import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { manualClock } from "@/lib/kernel/clock";
import { sha256Hex } from "@/lib/crypto/secrets";
import { bootstrapAdmin } from "@/lib/setup/bootstrap-admin";
import { completeSetup, isSetupLinkUsable } from "@/lib/setup/complete-setup";
import { issueSetupLink, SETUP_LINK_TTL_MS } from "@/lib/setup/issue-setup-link";
import { verifyChain } from "@/lib/audit/verify-chain";

const baseUrl = "http://localhost:3000";
const secretOf = (url: string) => new URL(url).pathname.split("/").pop()!;
const admin = { name: "Ada Admin", email: "Ada@Example.com ", password: "a long enough password" };

describe("first run", () => {
  it("issues single-use links, retiring the previous one, and honours the hour", async () => {
    const clock = manualClock("2026-11-24T10:00:00Z");
    const first = await issueSetupLink({ baseUrl, clock });
    const second = await issueSetupLink({ baseUrl, clock });
    expect(first!.url).toMatch(/^http:\/\/localhost:3000\/setup\/[A-Za-z0-9_-]{43}$/);
    expect(await isSetupLinkUsable({ token: secretOf(first!.url), clock })).toBe(false);
    expect(await isSetupLinkUsable({ token: secretOf(second!.url), clock })).toBe(true);

    // Only the hash is stored.
    const stored = await prisma.oneTimeToken.findMany();
    expect(stored.map((t) => t.hash)).toContain(sha256Hex(secretOf(second!.url)));
    expect(JSON.stringify(stored)).not.toContain(secretOf(second!.url));

    clock.advance(SETUP_LINK_TTL_MS);
    await expect(completeSetup({ token: secretOf(second!.url), ...admin, clock })).rejects.toMatchObject({ status: 404 });
  });

  it("creates the admin once; the link cannot be replayed", async () => {
    const link = await issueSetupLink({ baseUrl });
    const token = secretOf(link!.url);
    const results = await Promise.allSettled([completeSetup({ token, ...admin }), completeSetup({ token, ...admin, email: "other@example.com" })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const users = await prisma.user.findMany();
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ role: "ADMIN" });
    expect(["ada@example.com", "other@example.com"]).toContain(users[0]!.email);
    expect(users[0]!.passwordHash).toMatch(/^scrypt\$/);
    await expect(completeSetup({ token, ...admin })).rejects.toMatchObject({ status: 404 });
    expect(await issueSetupLink({ baseUrl })).toBeNull();
    expect((await verifyChain()).ok).toBe(true);
  });
});

describe("local sign-in", () => {
  it("accepts the right password under any case of the email, and records it", async () => {
    const user = await prisma.user.findFirstOrThrow();
    const signedIn = await verifyCredentials({ email: user.email.toUpperCase(), password: admin.password });
    expect(signedIn).toMatchObject({ id: user.id });
    const event = await prisma.auditEvent.findFirst({ where: { action: "user.signed_in" }, orderBy: { seq: "desc" } });
    expect(event?.subjectId).toBe(user.id);
  });

  it("refuses a wrong password, an unknown account and a disabled one", async () => {
    const user = await prisma.user.findFirstOrThrow();
    expect(await verifyCredentials({ email: user.email, password: "wrong password!!" })).toBeNull();
    expect(await verifyCredentials({ email: "nobody@example.com", password: admin.password })).toBeNull();
    await prisma.user.update({ where: { id: user.id }, data: { disabled: true } });
    expect(await verifyCredentials({ email: user.email, password: admin.password })).toBeNull();
    await prisma.user.update({ where: { id: user.id }, data: { disabled: false } });
    expect(await prisma.auditEvent.count({ where: { action: "user.sign_in_failed", subjectId: user.id } })).toBe(2);
  });
});

describe("automated install (BATON_ADMIN_*)", () => {
  it("does not create a second admin or change a password when users exist", async () => {
    const before = await prisma.user.findFirstOrThrow();
    expect(await bootstrapAdmin({ email: "robot@example.com", password: "another long password" })).toBe("skipped");
    expect(await prisma.user.count()).toBe(1);
    expect((await prisma.user.findFirstOrThrow()).passwordHash).toBe(before.passwordHash);
  });

  it("registers BATON_ADMIN_TOKEN for an existing admin, hashed, once", async () => {
    const user = await prisma.user.findFirstOrThrow();
    const token = "t0ken-".repeat(8);
    expect(await bootstrapAdmin({ email: user.email, password: "ignored long password", token })).toBe("exists");
    expect(await bootstrapAdmin({ email: user.email, password: "ignored long password", token })).toBe("exists");
    const tokens = await prisma.personalToken.findMany({ where: { userId: user.id } });
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.hash).toBe(sha256Hex(token));
    expect(JSON.stringify(tokens)).not.toContain(token);
    expect(JSON.stringify(await prisma.auditEvent.findMany(), (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toContain(token);
  });
});

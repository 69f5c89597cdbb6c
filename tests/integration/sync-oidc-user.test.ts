import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { syncOidcUser } from "@/lib/auth/sync-oidc-user";
import { verifyChain } from "@/lib/audit/verify-chain";
import { hashPassword } from "@/lib/crypto/password";
import { newId } from "@/lib/kernel/ids";

const settings = { roleClaim: "baton_role", groupsClaim: "groups" };
const signIn = (subject: string, claims: Record<string, unknown>) => syncOidcUser({ subject, claims: { sub: subject, ...claims }, ...settings });

async function membershipsOf(email: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { email }, include: { memberships: { include: { group: true } } } });
  return user.memberships.map((m) => `${m.group.name}:${m.source}`).sort();
}

async function lastEvent(action: string) {
  return prisma.auditEvent.findFirst({ where: { action }, orderBy: { seq: "desc" } });
}

beforeAll(async () => {
  for (const name of ["payments", "platform", "security"]) await prisma.approverGroup.create({ data: { id: newId("group"), name } });
});

describe("syncOidcUser", () => {
  it("creates a password-less user with the role and known groups from the claims, and records the sign-in", async () => {
    const signedIn = await signIn("sub-alice", {
      email: "Alice@Example.com",
      email_verified: true,
      name: "Alice Approver",
      baton_role: "approver",
      groups: ["Payments", "no-such-group"],
    });
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "alice@example.com" }, include: { accounts: true } });
    expect(signedIn).toEqual({ id: user.id, email: "alice@example.com", name: "Alice Approver" });
    expect(user).toMatchObject({ role: "APPROVER", passwordHash: null, disabled: false });
    expect(user.lastSignInAt).not.toBeNull();
    expect(user.accounts).toMatchObject([{ provider: "oidc", providerAccountId: "sub-alice" }]);
    expect(await membershipsOf("alice@example.com")).toEqual(["payments:oidc"]);
    expect(await lastEvent("user.signed_in")).toMatchObject({ subjectId: user.id, data: { method: "oidc" } });
    expect(await lastEvent("user.sso_linked")).toMatchObject({ subjectId: user.id, actorKind: "INTEGRATION", data: { by: "new_user" } });
  });

  it("finds the person by subject on the next sign-in, whatever the email says now, and follows the role claim", async () => {
    const first = await prisma.user.findUniqueOrThrow({ where: { email: "alice@example.com" } });
    const again = await signIn("sub-alice", { email: "alice.renamed@example.com", email_verified: true, baton_role: "Commander", groups: ["payments"] });
    expect(again?.id).toBe(first.id);
    expect(await prisma.user.count({ where: { email: { contains: "alice" } } })).toBe(1);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: first.id } })).role).toBe("COMMANDER");
    expect(await lastEvent("user.role_changed")).toMatchObject({ subjectId: first.id, data: { from: "APPROVER", to: "COMMANDER", source: "oidc" } });
  });

  it("gives the least privileged role when the role claim is missing or unknown, and reads the configured claim names", async () => {
    await signIn("sub-victor", { email: "victor@example.com", email_verified: true, baton_role: "superuser" });
    expect((await prisma.user.findUniqueOrThrow({ where: { email: "victor@example.com" } })).role).toBe("VIEWER");
    await signIn("sub-wendy", { email: "wendy@example.com" });
    expect((await prisma.user.findUniqueOrThrow({ where: { email: "wendy@example.com" } })).role).toBe("VIEWER");

    await syncOidcUser({
      subject: "sub-xena",
      claims: { email: "xena@example.com", "https://baton/role": "admin", teams: "security" },
      roleClaim: "https://baton/role",
      groupsClaim: "teams",
    });
    expect((await prisma.user.findUniqueOrThrow({ where: { email: "xena@example.com" } })).role).toBe("ADMIN");
    expect(await membershipsOf("xena@example.com")).toEqual(["security:oidc"]);
  });

  it("links an existing local user by a verified email in any case, keeping the password and the one account", async () => {
    const passwordHash = await hashPassword("local password 123");
    const local = await prisma.user.create({
      data: { id: newId("user"), email: "bob@example.com", name: "Bob Local", role: "ADMIN", passwordHash, sessionsValidAfter: new Date(0) },
    });
    const signedIn = await signIn("sub-bob", { email: "BOB@Example.COM", email_verified: true, baton_role: "approver" });
    expect(signedIn?.id).toBe(local.id);
    const bob = await prisma.user.findUniqueOrThrow({ where: { id: local.id }, include: { accounts: true } });
    expect(bob).toMatchObject({ name: "Bob Local", passwordHash, role: "APPROVER" });
    expect(bob.accounts).toMatchObject([{ providerAccountId: "sub-bob" }]);
    expect(await prisma.user.count({ where: { email: "bob@example.com" } })).toBe(1);
    expect(await lastEvent("user.sso_linked")).toMatchObject({ subjectId: local.id, data: { by: "verified_email" } });
  });

  it("refuses to link on an unverified email, and a second subject claiming a linked email", async () => {
    const carol = await prisma.user.create({
      data: { id: newId("user"), email: "carol@example.com", name: "Carol", role: "ADMIN", sessionsValidAfter: new Date(0) },
    });
    expect(await signIn("sub-mallory", { email: "carol@example.com", email_verified: false, baton_role: "admin" })).toBeNull();
    expect(await signIn("sub-mallory", { email: "carol@example.com", email_verified: "false" })).toBeNull();
    expect(await signIn("sub-mallory", { email: "carol@example.com" })).toBeNull();
    expect(await prisma.account.count({ where: { userId: carol.id } })).toBe(0);
    expect(await lastEvent("user.sign_in_failed")).toMatchObject({ subjectId: carol.id, data: { method: "oidc", reason: "email_not_verified" } });

    expect(await signIn("sub-bob-2", { email: "bob@example.com", email_verified: true })).toBeNull();
    expect(await lastEvent("user.sign_in_failed")).toMatchObject({ data: { reason: "linked_to_another_identity" } });
    expect(await signIn("sub-nobody", { name: "No Email" })).toBeNull();
    expect(await lastEvent("user.sign_in_failed")).toMatchObject({
      actorKind: "ANONYMOUS",
      subjectKind: "oidc_subject",
      subjectId: "sub-nobody",
      data: { reason: "no_email" },
    });
  });

  it("adds and removes only the memberships it asserted; an admin's memberships stay", async () => {
    const bob = await prisma.user.findUniqueOrThrow({ where: { email: "bob@example.com" } });
    const platform = await prisma.approverGroup.findUniqueOrThrow({ where: { name: "platform" } });
    await prisma.groupMembership.create({ data: { groupId: platform.id, userId: bob.id, source: "local" } });

    await signIn("sub-bob", { email: "bob@example.com", email_verified: true, baton_role: "approver", groups: ["payments", "platform"] });
    expect(await membershipsOf("bob@example.com")).toEqual(["payments:oidc", "platform:local"]);
    expect(await lastEvent("user.groups_changed")).toMatchObject({ subjectId: bob.id, data: { added: ["payments"], removed: [], source: "oidc" } });

    await signIn("sub-bob", { email: "bob@example.com", email_verified: true, baton_role: "approver", groups: ["security"] });
    expect(await membershipsOf("bob@example.com")).toEqual(["platform:local", "security:oidc"]);

    await signIn("sub-bob", { email: "bob@example.com", email_verified: true, baton_role: "approver" });
    expect(await membershipsOf("bob@example.com")).toEqual(["platform:local"]);
  });

  it("refuses a disabled person, whether found by subject or by email, and records why", async () => {
    const alice = await prisma.user.findUniqueOrThrow({ where: { email: "alice@example.com" } });
    await prisma.user.update({ where: { id: alice.id }, data: { disabled: true } });
    expect(await signIn("sub-alice", { email: "alice@example.com", email_verified: true, baton_role: "admin" })).toBeNull();
    expect(await lastEvent("user.sign_in_failed")).toMatchObject({ subjectId: alice.id, data: { reason: "disabled" } });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: alice.id } })).role).toBe("COMMANDER");

    const dave = await prisma.user.create({
      data: { id: newId("user"), email: "dave@example.com", name: "Dave", disabled: true, sessionsValidAfter: new Date(0) },
    });
    expect(await signIn("sub-dave", { email: "dave@example.com", email_verified: true })).toBeNull();
    expect(await prisma.account.count({ where: { userId: dave.id } })).toBe(0);
    expect((await verifyChain()).ok).toBe(true);
  });
});

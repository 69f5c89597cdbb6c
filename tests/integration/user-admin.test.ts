import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { PersonPrincipal } from "@/lib/kernel/principal";
import { isSessionCurrent } from "@/lib/auth/session-validity";
import { verifyChain } from "@/lib/audit/verify-chain";
import { newId } from "@/lib/kernel/ids";
import { changeUserRole } from "@/lib/users/change-user-role";
import { createUser } from "@/lib/users/create-user";
import { disableUser } from "@/lib/users/disable-user";
import { enableUser } from "@/lib/users/enable-user";
import { getOwnProfile } from "@/lib/users/get-own-profile";
import { listUsers } from "@/lib/users/list-users";
import { setUserGroups } from "@/lib/users/set-user-groups";

const people: Record<string, PersonPrincipal> = {};

beforeAll(async () => {
  for (const [handle, role] of [
    ["ada", "ADMIN"],
    ["apu", "APPROVER"],
    ["cid", "COMMANDER"],
    ["vic", "VIEWER"],
  ] as const) {
    const user = await prisma.user.create({
      data: { id: newId("user"), email: `${handle}@example.com`, name: handle, role, passwordHash: "scrypt$x", sessionsValidAfter: new Date(0) },
    });
    people[handle] = { kind: "person" as const, userId: user.id, role };
  }
  for (const name of ["payments", "platform"]) await prisma.approverGroup.create({ data: { id: newId("group"), name } });
});

describe("managing people", () => {
  it("is refused to everyone but admins, before anything changes", async () => {
    const target = people.vic!.userId;
    for (const actor of [people.apu!, people.cid!, people.vic!]) {
      await expect(listUsers({ principal: actor })).rejects.toMatchObject({ status: 403 });
      await expect(changeUserRole({ principal: actor, userId: target, role: "ADMIN" })).rejects.toMatchObject({ status: 403 });
      await expect(disableUser({ principal: actor, userId: target })).rejects.toMatchObject({ status: 403 });
      await expect(enableUser({ principal: actor, userId: target })).rejects.toMatchObject({ status: 403 });
      await expect(setUserGroups({ principal: actor, userId: target, groupNames: ["payments"] })).rejects.toMatchObject({ status: 403 });
      await expect(
        createUser({ principal: actor, input: { email: "x@example.com", name: "X", role: "ADMIN" }, baseUrl: "http://localhost" }),
      ).rejects.toMatchObject({ status: 403 });
    }
    expect(await prisma.user.findUniqueOrThrow({ where: { id: target } })).toMatchObject({ role: "VIEWER", disabled: false });
    expect(await prisma.groupMembership.count()).toBe(0);
  });

  it("lists everyone with their sign-in methods and groups", async () => {
    const invited = await createUser({ principal: people.ada!, input: { email: "new@example.com", name: "New", role: "VIEWER" }, baseUrl: "http://localhost" });
    expect(invited.invitationUrl).toMatch(/^http:\/\/localhost\/invite\//);
    const { users } = await listUsers({ principal: people.ada! });
    expect(users.map((u) => u.email)).toEqual(["ada@example.com", "apu@example.com", "cid@example.com", "new@example.com", "vic@example.com"]);
    expect(users.find((u) => u.email === "new@example.com")).toMatchObject({ signInMethods: [], groups: [], lastSignInAt: null, disabled: false });
    expect(users.find((u) => u.email === "ada@example.com")?.signInMethods).toEqual(["password"]);
  });

  it("changes a role, but never the admin's own", async () => {
    expect((await changeUserRole({ principal: people.ada!, userId: people.vic!.userId, role: "APPROVER" })).role).toBe("APPROVER");
    expect(await prisma.auditEvent.findFirst({ where: { action: "user.role_changed", subjectId: people.vic!.userId } })).toMatchObject({
      actorId: people.ada!.userId,
      data: { from: "VIEWER", to: "APPROVER", source: "local" },
    });
    await expect(changeUserRole({ principal: people.ada!, userId: people.ada!.userId, role: "VIEWER" })).rejects.toMatchObject({ status: 403 });
    await expect(changeUserRole({ principal: people.ada!, userId: "usr_01jd0000000000000000000000", role: "VIEWER" })).rejects.toMatchObject({ status: 404 });
  });

  it("disables a person, which also ends their sessions; never oneself; enabling lets them sign in again", async () => {
    const target = people.cid!.userId;
    const sessionBefore = { authTime: new Date(Date.now() - 1000) };
    expect((await disableUser({ principal: people.ada!, userId: target })).disabled).toBe(true);
    const disabled = await prisma.user.findUniqueOrThrow({ where: { id: target } });
    expect(isSessionCurrent(sessionBefore, disabled, new Date())).toBe(false);
    await disableUser({ principal: people.ada!, userId: target });
    expect(await prisma.auditEvent.count({ where: { action: "user.disabled", subjectId: target } })).toBe(1);
    await expect(disableUser({ principal: people.ada!, userId: people.ada!.userId })).rejects.toMatchObject({ status: 403 });

    expect((await enableUser({ principal: people.ada!, userId: target })).disabled).toBe(false);
    expect(isSessionCurrent(sessionBefore, await prisma.user.findUniqueOrThrow({ where: { id: target } }), new Date())).toBe(false);
    expect(await prisma.auditEvent.count({ where: { action: "user.enabled", subjectId: target } })).toBe(1);
  });

  it("sets the groups an admin gives, leaving the ones the identity provider asserted", async () => {
    const target = people.apu!.userId;
    const platform = await prisma.approverGroup.findUniqueOrThrow({ where: { name: "platform" } });
    await prisma.groupMembership.create({ data: { groupId: platform.id, userId: target, source: "oidc" } });

    const set = await setUserGroups({ principal: people.ada!, userId: target, groupNames: ["payments"] });
    expect(set.groups).toEqual([
      { name: "payments", source: "local" },
      { name: "platform", source: "oidc" },
    ]);
    expect((await setUserGroups({ principal: people.ada!, userId: target, groupNames: [] })).groups).toEqual([{ name: "platform", source: "oidc" }]);
    await expect(setUserGroups({ principal: people.ada!, userId: target, groupNames: ["nope"] })).rejects.toMatchObject({ status: 400 });
    expect(await prisma.auditEvent.count({ where: { action: "user.groups_changed", subjectId: target } })).toBe(2);

    expect((await getOwnProfile({ principal: people.apu! })).groups).toEqual([{ name: "platform", source: "oidc" }]);
    expect((await verifyChain()).ok).toBe(true);
  });
});

"use server";
import { revalidatePath } from "next/cache";
import type { CurrentUser } from "@/lib/auth/current-user";
import { actionBaseUrl } from "@/lib/http/action-base-url";
import { formAction } from "@/lib/http/form-action";
import { changeUserRoleForm, inviteUserForm, setUserGroupsForm, userIdForm, type InvitedUserFormState } from "@/lib/users/admin-form-schemas";
import { changeUserRole } from "@/lib/users/change-user-role";
import { createUser } from "@/lib/users/create-user";
import { disableUser } from "@/lib/users/disable-user";
import { enableUser } from "@/lib/users/enable-user";
import { setUserGroups } from "@/lib/users/set-user-groups";

const admins = { access: "signed-in", roles: ["ADMIN"] } as const;
const actorOf = (user: CurrentUser) => ({ userId: user.id, role: user.role });

// formAction passes the handler's state through untouched, so the link reaches the form that asked for it.
type InviteAction = (previous: InvitedUserFormState, formData: FormData) => Promise<InvitedUserFormState>;

export const inviteUserAction: InviteAction = formAction({ ...admins, schema: inviteUserForm }, async (input, user) => {
  const created = await createUser({ actor: actorOf(user), input, baseUrl: await actionBaseUrl() });
  revalidatePath("/users");
  return { ok: true, invitationUrl: created.invitationUrl ?? undefined };
});

export const changeUserRoleAction = formAction({ ...admins, schema: changeUserRoleForm }, async ({ userId, role }, user) => {
  await changeUserRole({ actor: actorOf(user), userId, role });
  revalidatePath("/users");
});

export const setUserGroupsAction = formAction({ ...admins, schema: setUserGroupsForm }, async ({ userId, groupNames }, user) => {
  await setUserGroups({ actor: actorOf(user), userId, groupNames });
  revalidatePath("/users");
});

export const disableUserAction = formAction({ ...admins, schema: userIdForm }, async ({ userId }, user) => {
  await disableUser({ actor: actorOf(user), userId });
  revalidatePath("/users");
});

export const enableUserAction = formAction({ ...admins, schema: userIdForm }, async ({ userId }, user) => {
  await enableUser({ actor: actorOf(user), userId });
  revalidatePath("/users");
});

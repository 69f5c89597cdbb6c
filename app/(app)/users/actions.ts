"use server";
import { mayAdminister } from "@/lib/authorization/rules";
import { revalidatePath } from "next/cache";
import { actionBaseUrl } from "@/lib/http/action-base-url";
import { formAction } from "@/lib/http/form-action";
import { changeUserRoleForm, inviteUserForm, setUserGroupsForm, userIdForm, type InvitedUserFormState } from "@/lib/users/admin-form-schemas";
import { changeUserRole } from "@/lib/users/change-user-role";
import { createUser } from "@/lib/users/create-user";
import { disableUser } from "@/lib/users/disable-user";
import { enableUser } from "@/lib/users/enable-user";
import { setUserGroups } from "@/lib/users/set-user-groups";

const admins = { access: "signed-in", allow: mayAdminister } as const;

// formAction passes the handler's state through untouched, so the link reaches the form that asked for it.
type InviteAction = (previous: InvitedUserFormState, formData: FormData) => Promise<InvitedUserFormState>;

export const inviteUserAction: InviteAction = formAction({ ...admins, schema: inviteUserForm }, async (input, user) => {
  const created = await createUser({ principal: user, input, baseUrl: await actionBaseUrl() });
  revalidatePath("/users");
  return { ok: true, invitationUrl: created.invitationUrl ?? undefined };
});

export const changeUserRoleAction = formAction({ ...admins, schema: changeUserRoleForm }, async ({ userId, role }, user) => {
  await changeUserRole({ principal: user, userId, role });
  revalidatePath("/users");
});

export const setUserGroupsAction = formAction({ ...admins, schema: setUserGroupsForm }, async ({ userId, groupNames }, user) => {
  await setUserGroups({ principal: user, userId, groupNames });
  revalidatePath("/users");
});

export const disableUserAction = formAction({ ...admins, schema: userIdForm }, async ({ userId }, user) => {
  await disableUser({ principal: user, userId });
  revalidatePath("/users");
});

export const enableUserAction = formAction({ ...admins, schema: userIdForm }, async ({ userId }, user) => {
  await enableUser({ principal: user, userId });
  revalidatePath("/users");
});

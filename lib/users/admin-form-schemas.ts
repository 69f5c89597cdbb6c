import { z } from "zod";
import { idOf } from "@/lib/kernel/common-schemas";
import type { FormState } from "@/lib/http/form-action";
import { createUserBody, roleSchema } from "./schemas";

// The users page's forms, parsed with the admin API's own field schemas so both accept the same things.

/** An invitation link travels back once, in the form state of the form that asked for it. */
export type InvitedUserFormState = FormState & { invitationUrl?: string };

const userId = idOf("usr");

export const inviteUserForm = z.object({ email: createUserBody.shape.email, name: createUserBody.shape.name, role: roleSchema });

export const changeUserRoleForm = z.object({ userId, role: roleSchema });

export const userIdForm = z.object({ userId });

const GROUP_FIELD = "group:";

/** One checkbox per approver group: formAction reads FormData as an object, where repeated names would collapse. */
export const groupField = (groupName: string) => `${GROUP_FIELD}${groupName}`;

export const setUserGroupsForm = z.preprocess(
  (form: Record<string, unknown>) => ({
    userId: form.userId,
    groupNames: Object.keys(form)
      .filter((field) => field.startsWith(GROUP_FIELD))
      .map((field) => field.slice(GROUP_FIELD.length)),
  }),
  z.object({ userId, groupNames: z.array(z.string().max(63)).max(500) }),
);

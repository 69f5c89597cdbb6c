"use client";
import { inviteUserAction } from "@/app/(app)/users/actions";
import { FormDialog } from "@/components/admin/form-dialog";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { InvitedUserFormState } from "@/lib/users/admin-form-schemas";
import { RoleField } from "./role-field";
import { ShownOnce } from "@/components/ui/shown-once";

const showInvitationLink = (state: InvitedUserFormState) =>
  state.invitationUrl && (
    <ShownOnce
      label="Invitation link"
      value={state.invitationUrl}
      notice="Send this link to the person now; it is not shown again."
      usage="It works once, for 7 days, and lets them choose a password. Baton keeps only its hash."
    />
  );

export function InviteUserDialog({ ssoConfigured }: { ssoConfigured: boolean }) {
  return (
    <FormDialog<{ invitationUrl: string }>
      trigger={<Button>Invite user</Button>}
      title="Invite user"
      description={
        ssoConfigured
          ? "They get a one-time link to set a password. People who sign in with SSO need no invitation."
          : "They get a one-time link to set a password."
      }
      submitLabel="Create invitation"
      action={inviteUserAction}
      result={showInvitationLink}
      fields={(state) => (
        <>
          <Field label="Name" name="name" required autoComplete="off" defaultValue={state.values?.name} error={state.fieldErrors?.name} />
          <Field label="Email" name="email" type="email" required autoComplete="off" defaultValue={state.values?.email} error={state.fieldErrors?.email} />
          <RoleField defaultValue={state.values?.role ?? "VIEWER"} error={state.fieldErrors?.role} />
        </>
      )}
    />
  );
}

"use client";
import { useActionState } from "react";
import { changeUserRoleAction, disableUserAction, enableUserAction, setUserGroupsAction } from "@/app/(app)/users/actions";
import { ConfirmDialog } from "@/components/admin/confirm-dialog";
import { FormDialog } from "@/components/admin/form-dialog";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { groupField } from "@/lib/users/admin-form-schemas";
import type { UserSummary } from "@/lib/users/user-summary";
import { RoleField } from "./role-field";

const UserId = ({ user }: { user: UserSummary }) => <input type="hidden" name="userId" value={user.id} />;

/** Visible "Change role", announced as "Change role of alice@…", so each row's buttons can be told apart. */
const ForUser = ({ user }: { user: UserSummary }) => <span className="sr-only"> of {user.email}</span>;

const usesSso = (user: UserSummary) => user.signInMethods.includes("sso");

export function ChangeRoleDialog({ user }: { user: UserSummary }) {
  return (
    <FormDialog
      trigger={
        <Button size="sm" variant="outline">
          Change role
          <ForUser user={user} />
        </Button>
      }
      title={`Change the role of ${user.name}`}
      description={
        usesSso(user)
          ? "Effective on their next request. They sign in with SSO: the identity provider's role claim sets their role again at their next sign-in."
          : "Effective on their next request."
      }
      submitLabel="Save role"
      action={changeUserRoleAction}
      fields={(state) => (
        <>
          <UserId user={user} />
          <RoleField defaultValue={state.values?.role ?? user.role} error={state.fieldErrors?.role} />
        </>
      )}
    />
  );
}

export function EditGroupsDialog({ user, groupNames }: { user: UserSummary; groupNames: string[] }) {
  const fromSso = new Set(user.groups.filter((group) => group.source === "oidc").map((group) => group.name));
  const local = new Set(user.groups.filter((group) => group.source === "local").map((group) => group.name));
  return (
    <FormDialog
      trigger={
        <Button size="sm" variant="outline">
          Edit groups
          <ForUser user={user} />
        </Button>
      }
      title={`Approver groups of ${user.name}`}
      description="The groups whose requests they may decide. Groups from SSO follow the identity provider and change at each sign-in."
      submitLabel="Save groups"
      action={setUserGroupsAction}
      fields={(state) => (
        <fieldset className="flex flex-col gap-1.5">
          <UserId user={user} />
          <legend className="mb-1.5 text-sm font-medium">Groups</legend>
          {groupNames.length === 0 ? (
            <p className="text-sm text-muted-foreground">No approver group exists yet.</p>
          ) : (
            <ul className="flex max-h-64 flex-col divide-y overflow-y-auto rounded-md border">
              {groupNames.map((name) => (
                <li key={name}>
                  <label className="flex items-center gap-2.5 px-3 py-2 text-sm">
                    <Checkbox
                      name={groupField(name)}
                      disabled={fromSso.has(name)}
                      defaultChecked={fromSso.has(name) || (state.values ? state.values[groupField(name)] === "on" : local.has(name))}
                    />
                    {name}
                    {fromSso.has(name) && <span className="text-xs text-muted-foreground">from SSO</span>}
                  </label>
                </li>
              ))}
            </ul>
          )}
          {state.fieldErrors?.groupNames && <p className="text-xs text-destructive">{state.fieldErrors.groupNames}</p>}
        </fieldset>
      )}
    />
  );
}

export function DisableUserDialog({ user }: { user: UserSummary }) {
  return (
    <ConfirmDialog
      trigger={
        <Button size="sm" variant="outline">
          Disable
          <span className="sr-only"> {user.email}</span>
        </Button>
      }
      title={`Disable ${user.email}?`}
      description={
        <>
          <span>They are signed out at once, on every device, and cannot sign in — with a password or SSO — until an admin enables them again.</span>
          <span>Their personal API tokens stop working while they are disabled.</span>
        </>
      }
      confirmLabel="Disable user"
      action={disableUserAction}
      fields={() => <UserId user={user} />}
    />
  );
}

export function EnableUserButton({ user }: { user: UserSummary }) {
  const [state, action, pending] = useActionState(enableUserAction, {});
  return (
    <form action={action} className="flex flex-col items-end gap-1">
      <UserId user={user} />
      <Button type="submit" size="sm" variant="outline" disabled={pending}>
        Enable
        <span className="sr-only"> {user.email}</span>
      </Button>
      {state.message && <Alert className="px-2 py-1 text-xs">{state.message}</Alert>}
    </form>
  );
}

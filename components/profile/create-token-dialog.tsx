"use client";
import { createPersonalTokenAction } from "@/app/(app)/profile/actions";
import { ExpiryField } from "@/components/admin/credential-lifetime-fields";
import { FormDialog } from "@/components/admin/form-dialog";
import { ShownOnce } from "@/components/ui/shown-once";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { CreatedTokenFormState } from "@/lib/tokens/form-schemas";
import { bindField } from "@/components/shared/bind-field";

const showToken = (state: CreatedTokenFormState) =>
  state.createdToken && (
    <ShownOnce
      label="New personal token"
      value={state.createdToken}
      notice="Store this token now; it is not shown again."
      usage={
        <>
          Send it as <code className="font-mono">Authorization: Bearer …</code>, or set it as <code className="font-mono">BATON_TOKEN</code> for the CLI. It
          acts as you, with your role.
        </>
      }
    />
  );

export function CreateTokenDialog() {
  return (
    <FormDialog<{ createdToken: string }>
      trigger={<Button size="sm">Create token</Button>}
      title="Create personal token"
      description="A token for scripts and the CLI that acts as you. Baton keeps only its hash."
      submitLabel="Create token"
      action={createPersonalTokenAction}
      result={showToken}
      fields={(state) => (
        <>
          <Field label="Name" required autoComplete="off" {...bindField(state, "name")} hint="Where it is used, such as laptop CLI or nightly report." />
          <ExpiryField
            lifetimesInDays={[30, 7, 90, 365, null]}
            defaultDays={30}
            submitted={state.values?.expiresInSeconds}
            error={state.fieldErrors?.expiresInSeconds}
          />
        </>
      )}
    />
  );
}

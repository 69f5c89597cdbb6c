"use client";
import { createResourceServerAction } from "@/app/(app)/resource-servers/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { CreatedResourceServerFormState } from "@/lib/resource-servers/form-schemas";
import { FormDialog } from "./form-dialog";
import { OneTimeKey } from "./one-time-key";
import { bindField } from "@/components/shared/bind-field";

const showIssuedSecret = (state: CreatedResourceServerFormState) =>
  state.issuedSecret && (
    <OneTimeKey
      secret={state.issuedSecret}
      label="New resource server secret"
      usage={
        <>
          The resource server sends it as <code className="font-mono">Authorization: Bearer …</code> to introspection and decisions.
        </>
      }
    />
  );

export function CreateResourceServerDialog() {
  return (
    <FormDialog<{ issuedSecret: string }>
      trigger={<Button>Register resource server</Button>}
      title="Register resource server"
      description="A downstream tool that enforces grants: agents get tokens for its audience, and it asks Baton whether each call may go ahead."
      submitLabel="Register"
      action={createResourceServerAction}
      result={showIssuedSecret}
      fields={(state) => (
        <>
          <Field label="Name" required autoComplete="off" {...bindField(state, "name")} hint="Lower-case letters, digits, '.', '_' or '-', such as crm-api." />
          <Field
            label="Audience"
            required
            autoComplete="off"
            {...bindField(state, "audience")}
            hint="The aud of its tokens, usually its base URL, such as https://crm.example.com."
          />
        </>
      )}
    />
  );
}

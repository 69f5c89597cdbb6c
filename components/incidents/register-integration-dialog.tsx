"use client";
import { createIntegrationAction } from "@/app/(app)/incidents/actions";
import { FormDialog } from "@/components/admin/form-dialog";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ShownOnce } from "@/components/ui/shown-once";
import type { CreatedIntegrationFormState } from "@/lib/incidents/form-schemas";
import { bindField } from "@/components/shared/bind-field";

const showSecrets = (state: CreatedIntegrationFormState) =>
  state.webhookSecret &&
  state.credential && (
    <div className="flex flex-col gap-3">
      <ShownOnce
        label="Webhook signing secret"
        value={state.webhookSecret}
        notice="Store the signing secret now; it is not shown again."
        usage={
          <>
            Configure the tool to sign webhooks to <code className="font-mono">{state.webhookPath}</code> with it (Standard Webhooks). Baton keeps it encrypted.
          </>
        }
      />
      <ShownOnce
        label="API credential"
        value={state.credential}
        notice="Store the API credential now; it is not shown again."
        usage={
          <>
            For <code className="font-mono">/api/v1/incidents</code> as <code className="font-mono">Authorization: Bearer …</code>. Baton keeps only its hash.
          </>
        }
      />
    </div>
  );

export function RegisterIntegrationDialog() {
  return (
    <FormDialog<{ webhookSecret: string; credential: string; webhookPath: string }>
      trigger={<Button variant="outline">Register incident tool</Button>}
      title="Register incident tool"
      description="An incident tool (PagerDuty or similar) opens and resolves incidents in Baton through signed webhooks or its API credential."
      submitLabel="Register"
      action={createIntegrationAction}
      result={showSecrets}
      wide
      fields={(state) => (
        <>
          <Field label="Slug" required autoComplete="off" {...bindField(state, "slug")} hint="In the webhook URL, such as pagerduty." />
          <Field label="Name" name="name" required autoComplete="off" defaultValue={state.values?.name} error={state.fieldErrors?.name} />
        </>
      )}
    />
  );
}

"use client";
import { createWebhookAction } from "@/app/(app)/webhooks/actions";
import { FormDialog } from "@/components/admin/form-dialog";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { TextareaField } from "@/components/ui/textarea";
import { ShownOnce } from "@/components/ui/shown-once";
import type { CreatedWebhookFormState } from "@/lib/webhooks/form-schemas";
import { bindField } from "@/components/shared/bind-field";

const EVENT_TYPES_HINT = "Audit actions or prefixes, separated by commas: grant.*, request.approved, request.denied — or * for every event.";

const showSecret = (state: CreatedWebhookFormState) =>
  state.issuedSecret && (
    <ShownOnce
      label="Signing secret"
      value={state.issuedSecret}
      notice="Store this signing secret now; it is not shown again."
      usage={
        <>
          Verify each delivery&apos;s <code className="font-mono">webhook-signature</code> with it (Standard Webhooks). Baton keeps it encrypted, only to sign.
        </>
      }
    />
  );

export function CreateWebhookDialog() {
  return (
    <FormDialog<{ issuedSecret: string }>
      trigger={<Button>Add endpoint</Button>}
      title="Add webhook endpoint"
      description="Baton POSTs each matching audit event to this URL, signed, and retries with backoff until it answers 2xx."
      submitLabel="Add endpoint"
      action={createWebhookAction}
      result={showSecret}
      fields={(state) => (
        <>
          <Field label="URL" type="url" required autoComplete="off" {...bindField(state, "url")} hint="An http:// or https:// URL that accepts POST." />
          <Field
            label="Event types"
            name="eventTypes"
            required
            autoComplete="off"
            defaultValue={state.values?.eventTypes ?? "grant.*, request.approved, request.denied"}
            error={state.fieldErrors?.eventTypes}
            hint={EVENT_TYPES_HINT}
          />
          <TextareaField label="Description" name="description" rows={2} defaultValue={state.values?.description} error={state.fieldErrors?.description} />
        </>
      )}
    />
  );
}

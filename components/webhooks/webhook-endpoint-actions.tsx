"use client";
import { useActionState } from "react";
import { deleteWebhookAction, sendTestEventAction, updateWebhookAction } from "@/app/(app)/webhooks/actions";
import { ConfirmDialog } from "@/components/admin/confirm-dialog";
import { FormDialog } from "@/components/admin/form-dialog";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { TextareaField } from "@/components/ui/textarea";
import type { FormState } from "@/lib/http/form-action";
import type { WebhookEndpointDto } from "@/lib/webhooks/schemas";

export function EditWebhookDialog({ endpoint }: { endpoint: WebhookEndpointDto }) {
  return (
    <FormDialog
      trigger={<Button variant="outline">Edit</Button>}
      title="Edit webhook endpoint"
      description="Changes apply at once, also to deliveries still waiting for a retry."
      submitLabel="Save"
      action={updateWebhookAction}
      fields={(state) => (
        <>
          <input type="hidden" name="id" value={endpoint.id} />
          <Field
            label="URL"
            name="url"
            type="url"
            required
            autoComplete="off"
            defaultValue={state.values?.url ?? endpoint.url}
            error={state.fieldErrors?.url}
          />
          <Field
            label="Event types"
            name="eventTypes"
            required
            autoComplete="off"
            defaultValue={state.values?.eventTypes ?? endpoint.eventTypes.join(", ")}
            error={state.fieldErrors?.eventTypes}
            hint="Audit actions or prefixes such as grant.*, separated by commas; * for every event."
          />
          <TextareaField
            label="Description"
            name="description"
            rows={2}
            defaultValue={state.values?.description ?? endpoint.description}
            error={state.fieldErrors?.description}
          />
          <label className="flex items-center gap-2 text-sm">
            <Checkbox name="enabled" defaultChecked={!endpoint.disabled} /> Enabled (a disabled endpoint gets nothing, and its pending deliveries are dropped)
          </label>
        </>
      )}
    />
  );
}

export function DeleteWebhookDialog({ endpoint }: { endpoint: WebhookEndpointDto }) {
  return (
    <ConfirmDialog
      trigger={<Button variant="destructive">Delete</Button>}
      title="Delete webhook endpoint"
      description={<p>Baton stops sending to {endpoint.url} and forgets its delivery log. The audit log keeps that it existed.</p>}
      confirmLabel="Delete endpoint"
      action={deleteWebhookAction}
      fields={() => <input type="hidden" name="id" value={endpoint.id} />}
    />
  );
}

export function SendTestEventButton({ endpointId }: { endpointId: string }) {
  const [state, dispatch, pending] = useActionState<FormState, FormData>(sendTestEventAction, {});
  return (
    <form action={dispatch} className="flex items-center gap-2">
      <input type="hidden" name="id" value={endpointId} />
      <Button type="submit" variant="outline" disabled={pending} aria-busy={pending}>
        Send test event
      </Button>
      {state.message && (
        <Alert tone={state.ok ? "success" : "danger"} className="py-1">
          {state.message}
        </Alert>
      )}
    </form>
  );
}

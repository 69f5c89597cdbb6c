"use client";
import { revokeIntegrationAction } from "@/app/(app)/incidents/actions";
import { ConfirmDialog } from "@/components/admin/confirm-dialog";
import { Button } from "@/components/ui/button";
import { TextareaField } from "@/components/ui/textarea";

export function RevokeIntegrationDialog({ id, name }: { id: string; name: string }) {
  return (
    <ConfirmDialog
      trigger={
        <Button size="sm" variant="outline">
          Revoke<span className="sr-only"> {name}</span>
        </Button>
      }
      title={`Revoke ${name}?`}
      description={
        <>
          <span>Its API credential and its signed webhooks are refused from the next call. Incidents it opened stay open for commanders and admins to run.</span>
          <span>A revoked tool cannot be restored; register a new one instead.</span>
        </>
      }
      confirmLabel="Revoke incident tool"
      action={revokeIntegrationAction}
      fields={(state) => (
        <>
          <input type="hidden" name="id" value={id} />
          <TextareaField label="Reason" name="reason" rows={2} required defaultValue={state.values?.reason} error={state.fieldErrors?.reason} hint="Recorded in the audit log." />
        </>
      )}
    />
  );
}

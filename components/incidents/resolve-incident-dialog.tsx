"use client";
import { useQueryClient } from "@tanstack/react-query";
import { resolveIncidentAction } from "@/app/(app)/incidents/actions";
import { ConfirmDialog } from "@/components/admin/confirm-dialog";
import type { DialogFormAction } from "@/components/admin/dialog-form";
import { queryKeys } from "@/components/live/query-keys";
import { Button } from "@/components/ui/button";
import { TextareaField } from "@/components/ui/textarea";
import { bindField } from "@/components/shared/bind-field";

export function ResolveIncidentDialog({ incidentId, activeGrants, pendingRequests }: { incidentId: string; activeGrants: number; pendingRequests: number }) {
  const queryClient = useQueryClient();
  // Refetched before the dialog closes, so the page already shows the incident resolved.
  const resolve: DialogFormAction<object> = async (previous, formData) => {
    const state = await resolveIncidentAction(previous, formData);
    if (state.ok) await queryClient.invalidateQueries({ queryKey: queryKeys.incident(incidentId) });
    return state;
  };
  return (
    <ConfirmDialog
      trigger={<Button variant="destructive">Resolve</Button>}
      title="Resolve this incident?"
      description={
        <span>
          {activeGrants === 1 ? "1 grant" : `${activeGrants} grants`} bound to it will be revoked and{" "}
          {pendingRequests === 1 ? "1 pending request" : `${pendingRequests} pending requests`} cancelled, at once. A resolved incident cannot be reopened.
        </span>
      }
      confirmLabel="Resolve incident"
      action={resolve}
      fields={(state) => (
        <>
          <input type="hidden" name="incidentId" value={incidentId} />
          <TextareaField
            label="Resolution note"
            rows={2}
            maxLength={1000}
            {...bindField(state, "note")}
            hint="Optional; kept with the incident and in the audit log."
          />
        </>
      )}
    />
  );
}

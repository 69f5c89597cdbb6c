"use client";
import { useQueryClient } from "@tanstack/react-query";
import { revokeGrantAction } from "@/app/(app)/grants/[id]/actions";
import { ConfirmDialog } from "@/components/admin/confirm-dialog";
import type { DialogFormAction } from "@/components/admin/dialog-form";
import { queryKeys } from "@/components/live/query-keys";
import { Button } from "@/components/ui/button";
import { TextareaField } from "@/components/ui/textarea";
import { bindField } from "@/components/shared/bind-field";

export function RevokeGrantDialog({ grantId, agentName }: { grantId: string; agentName: string }) {
  const queryClient = useQueryClient();
  // Refetched before the dialog closes, so the page already shows the grant revoked.
  const revoke: DialogFormAction<object> = async (previous, formData) => {
    const state = await revokeGrantAction(previous, formData);
    if (state.ok) await queryClient.invalidateQueries({ queryKey: queryKeys.grant(grantId) });
    return state;
  };
  return (
    <ConfirmDialog
      trigger={<Button variant="destructive">Revoke</Button>}
      title={`Revoke this grant of ${agentName}?`}
      description={<span>The agent loses these scopes at once; to use them again it has to ask again.</span>}
      confirmLabel="Revoke grant"
      action={revoke}
      fields={(state) => (
        <>
          <input type="hidden" name="grantId" value={grantId} />
          <TextareaField label="Reason" rows={2} required maxLength={500} {...bindField(state, "reason")} hint="Kept with the grant and in the audit log." />
        </>
      )}
    />
  );
}

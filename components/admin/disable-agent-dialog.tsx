"use client";
import { disableAgentAction } from "@/app/(app)/agents/[id]/actions";
import { Button } from "@/components/ui/button";
import { TextareaField } from "@/components/ui/textarea";
import { ConfirmDialog } from "./confirm-dialog";
import { bindField } from "@/components/shared/bind-field";

export function DisableAgentDialog({ agentId, agentName }: { agentId: string; agentName: string }) {
  return (
    <ConfirmDialog
      trigger={<Button variant="destructive">Disable agent</Button>}
      title={`Disable ${agentName}?`}
      description={
        <>
          <span>
            Disabling takes away everything the agent holds, at once: its keys are revoked, its pending requests are cancelled and its active grants are
            revoked.
          </span>
          <span>A disabled agent cannot be enabled again.</span>
        </>
      }
      confirmLabel="Disable agent"
      action={disableAgentAction}
      fields={(state) => (
        <>
          <input type="hidden" name="agentId" value={agentId} />
          <TextareaField
            label="Reason"
            rows={2}
            {...bindField(state, "reason")}
            hint="Recorded in the audit log and on each cancelled request and revoked grant."
          />
        </>
      )}
    />
  );
}

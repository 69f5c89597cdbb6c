"use client";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { TextareaField } from "@/components/ui/textarea";
import { ConfirmDialog } from "./confirm-dialog";
import type { DialogFormAction } from "./dialog-form";
import { bindField } from "@/components/shared/bind-field";

/**
 * Revoking a registered party for good (an incident tool, a resource server): a small button in its row,
 * what stops at once, and a required reason for the audit log. The action receives `id` and `reason`.
 */
export function RevokeWithReasonDialog({
  id,
  name,
  what,
  consequence,
  action,
}: {
  id: string;
  name: string;
  /** What is revoked, as in "Revoke resource server". */
  what: string;
  /** What stops working when it is revoked. */
  consequence: ReactNode;
  action: DialogFormAction<object>;
}) {
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
          <span>{consequence}</span>
          <span>A revoked {what} cannot be restored; register a new one instead.</span>
        </>
      }
      confirmLabel={`Revoke ${what}`}
      action={action}
      fields={(state) => (
        <>
          <input type="hidden" name="id" value={id} />
          <TextareaField label="Reason" rows={2} required {...bindField(state, "reason")} hint="Recorded in the audit log." />
        </>
      )}
    />
  );
}

"use client";
import { revokeIntegrationAction } from "@/app/(app)/incidents/actions";
import { RevokeWithReasonDialog } from "@/components/admin/revoke-with-reason-dialog";

export function RevokeIntegrationDialog({ id, name }: { id: string; name: string }) {
  return (
    <RevokeWithReasonDialog
      id={id}
      name={name}
      what="incident tool"
      consequence="Its API credential and its signed webhooks are refused from the next call. Incidents it opened stay open for commanders and admins to run."
      action={revokeIntegrationAction}
    />
  );
}

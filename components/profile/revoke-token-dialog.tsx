"use client";
import { revokePersonalTokenAction } from "@/app/(app)/profile/actions";
import { ConfirmDialog } from "@/components/admin/confirm-dialog";
import { Button } from "@/components/ui/button";
import type { PersonalTokenDto } from "@/lib/tokens/schemas";

export function RevokeTokenDialog({ token }: { token: PersonalTokenDto }) {
  return (
    <ConfirmDialog
      trigger={
        <Button size="sm" variant="outline">
          Revoke<span className="sr-only"> token {token.name}</span>
        </Button>
      }
      title={`Revoke ${token.name}?`}
      description="Calls with this token fail from now on. A revoked token cannot be restored; create a new one instead."
      confirmLabel="Revoke token"
      action={revokePersonalTokenAction}
      fields={() => <input type="hidden" name="tokenId" value={token.id} />}
    />
  );
}

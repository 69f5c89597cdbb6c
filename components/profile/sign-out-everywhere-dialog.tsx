"use client";
import { signOutEverywhereAction } from "@/app/(app)/profile/actions";
import { ConfirmDialog } from "@/components/admin/confirm-dialog";
import { Button } from "@/components/ui/button";

export function SignOutEverywhereDialog() {
  return (
    <ConfirmDialog
      trigger={<Button variant="outline">Sign out everywhere</Button>}
      title="Sign out everywhere?"
      description={
        <>
          <span>Every session you have — on this and any other device or browser — ends now, and you sign in again here.</span>
          <span>Personal tokens are not sessions: they keep working until you revoke them.</span>
        </>
      }
      confirmLabel="Sign out everywhere"
      action={signOutEverywhereAction}
    />
  );
}

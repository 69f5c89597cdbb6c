"use client";
import { revokeResourceServerAction, rotateResourceServerSecretAction } from "@/app/(app)/resource-servers/actions";
import { Button } from "@/components/ui/button";
import type { CreatedResourceServerFormState } from "@/lib/resource-servers/form-schemas";
import { OverlapField } from "./credential-lifetime-fields";
import { FormDialog } from "./form-dialog";
import { OneTimeKey } from "./one-time-key";
import { RevokeWithReasonDialog } from "./revoke-with-reason-dialog";

const showIssuedSecret = (state: CreatedResourceServerFormState) =>
  state.issuedSecret && (
    <OneTimeKey secret={state.issuedSecret} label="New resource server secret" usage={<>Deploy it to the tool; it replaces the old secret.</>} />
  );

export function RotateResourceServerSecretDialog({ id, name }: { id: string; name: string }) {
  return (
    <FormDialog<{ issuedSecret: string }>
      trigger={
        <Button size="sm" variant="outline">
          Rotate secret<span className="sr-only"> of {name}</span>
        </Button>
      }
      title={`Rotate the secret of ${name}`}
      description="Issues a new caller secret. Keep the old one working for an overlap if the tool cannot be redeployed at once; after a leak, choose none."
      submitLabel="Rotate secret"
      action={rotateResourceServerSecretAction}
      result={showIssuedSecret}
      fields={(state) => (
        <>
          <input type="hidden" name="id" value={id} />
          <OverlapField credential="secret" defaultSeconds={0} submitted={state.values?.overlapSeconds} error={state.fieldErrors?.overlapSeconds} />
        </>
      )}
    />
  );
}

export function RevokeResourceServerDialog({ id, name }: { id: string; name: string }) {
  return (
    <RevokeWithReasonDialog
      id={id}
      name={name}
      what="resource server"
      consequence="Its secrets stop working at once: it can no longer ask for decisions or introspect tokens, on any instance or PDP."
      action={revokeResourceServerAction}
    />
  );
}

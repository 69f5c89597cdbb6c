"use client";
import { issueAgentKeyAction, revokeAgentKeyAction, rotateAgentKeyAction } from "@/app/(app)/agents/[id]/actions";
import { Button } from "@/components/ui/button";
import type { IssuedKeyFormState } from "@/lib/agents/form-schemas";
import { agentKeyLabel } from "./agent-key-label";
import { ConfirmDialog } from "./confirm-dialog";
import { ExpiryField, OverlapField } from "./credential-lifetime-fields";
import { FormDialog } from "./form-dialog";
import { OneTimeKey } from "./one-time-key";

const showIssuedKey = (state: IssuedKeyFormState) =>
  state.issuedKey && (
    <OneTimeKey
      secret={state.issuedKey}
      label="New agent key"
      usage={
        <>
          The agent sends it as <code className="font-mono">Authorization: Bearer …</code>, or sets it as <code className="font-mono">BATON_API_KEY</code> for
          the <code className="font-mono">baton</code> CLI.
        </>
      }
    />
  );

export function IssueKeyDialog({ agentId, agentName }: { agentId: string; agentName: string }) {
  return (
    <FormDialog<{ issuedKey: string }>
      trigger={<Button size="sm">Issue key</Button>}
      title="Issue key"
      description={`A new key for ${agentName}. Existing keys keep working.`}
      submitLabel="Issue key"
      action={issueAgentKeyAction}
      result={showIssuedKey}
      fields={(state) => (
        <>
          <input type="hidden" name="agentId" value={agentId} />
          <ExpiryField
            lifetimesInDays={[null, 30, 90, 365]}
            defaultDays={null}
            submitted={state.values?.expiresInSeconds}
            error={state.fieldErrors?.expiresInSeconds}
          />
        </>
      )}
    />
  );
}

export function RotateKeyDialog({ agentId, keyId, prefix }: { agentId: string; keyId: string; prefix: string }) {
  return (
    <FormDialog<{ issuedKey: string }>
      trigger={
        <Button size="sm" variant="outline">
          Rotate<span className="sr-only"> key {agentKeyLabel(prefix)}</span>
        </Button>
      }
      title="Rotate key"
      description={`Issues a replacement for ${agentKeyLabel(prefix)}; during the overlap both keys work, so the agent can switch over without failed calls.`}
      submitLabel="Rotate key"
      action={rotateAgentKeyAction}
      result={showIssuedKey}
      fields={(state) => (
        <>
          <input type="hidden" name="agentId" value={agentId} />
          <input type="hidden" name="keyId" value={keyId} />
          <OverlapField credential="key" defaultSeconds={3600} submitted={state.values?.overlapSeconds} error={state.fieldErrors?.overlapSeconds} />
        </>
      )}
    />
  );
}

export function RevokeKeyDialog({ agentId, keyId, prefix }: { agentId: string; keyId: string; prefix: string }) {
  return (
    <ConfirmDialog
      trigger={
        <Button size="sm" variant="outline">
          Revoke<span className="sr-only"> key {agentKeyLabel(prefix)}</span>
        </Button>
      }
      title={`Revoke ${agentKeyLabel(prefix)}?`}
      description="The agent's calls with this key fail from now on. A revoked key cannot be restored; issue a new one instead."
      confirmLabel="Revoke key"
      action={revokeAgentKeyAction}
      fields={() => (
        <>
          <input type="hidden" name="agentId" value={agentId} />
          <input type="hidden" name="keyId" value={keyId} />
        </>
      )}
    />
  );
}

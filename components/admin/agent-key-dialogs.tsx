"use client";
import { issueAgentKeyAction, revokeAgentKeyAction, rotateAgentKeyAction } from "@/app/(app)/agents/[id]/actions";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select";
import type { IssuedKeyFormState } from "@/lib/agents/form-schemas";
import { agentKeyLabel } from "./agent-key-label";
import { ConfirmDialog } from "./confirm-dialog";
import { FormDialog } from "./form-dialog";
import { OneTimeKey } from "./one-time-key";

const DAY = 86_400;
const KEY_LIFETIMES = [
  { seconds: "", label: "Never" },
  { seconds: String(30 * DAY), label: "In 30 days" },
  { seconds: String(90 * DAY), label: "In 90 days" },
  { seconds: String(365 * DAY), label: "In 1 year" },
];
const OVERLAPS = [
  { seconds: "0", label: "None: the old key stops working now" },
  { seconds: "3600", label: "1 h" },
  { seconds: String(DAY), label: "24 h" },
];

const showIssuedKey = (state: IssuedKeyFormState) =>
  state.issuedKey && (
    <OneTimeKey
      secret={state.issuedKey}
      label="New agent key"
      usage={
        <>
          The agent sends it as <code className="font-mono">Authorization: Bearer …</code>.
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
          <SelectField label="Expires" name="expiresInSeconds" defaultValue={state.values?.expiresInSeconds ?? ""} error={state.fieldErrors?.expiresInSeconds}>
            {KEY_LIFETIMES.map((lifetime) => (
              <option key={lifetime.seconds} value={lifetime.seconds}>
                {lifetime.label}
              </option>
            ))}
          </SelectField>
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
          <SelectField label="Overlap" name="overlapSeconds" defaultValue={state.values?.overlapSeconds ?? "3600"} error={state.fieldErrors?.overlapSeconds}>
            {OVERLAPS.map((overlap) => (
              <option key={overlap.seconds} value={overlap.seconds}>
                {overlap.label}
              </option>
            ))}
          </SelectField>
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

"use client";
import { createScopeAction, updateScopeAction } from "@/app/(app)/scopes/actions";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select";
import { TextareaField } from "@/components/ui/textarea";
import type { FormState } from "@/lib/http/form-action";
import { formatDuration } from "@/lib/kernel/duration";
import type { ScopeDto } from "@/lib/scopes/schemas";
import { FormDialog } from "./form-dialog";
import { bindField } from "@/components/shared/bind-field";

const RISKS = ["LOW", "MEDIUM", "HIGH", "CRITICAL"] as const;
const APPROVAL_COUNTS = Array.from({ length: 10 }, (_, index) => String(index + 1));

/** Creates a scope, or edits `scope`; the key names a scope for good, so only a new one has a key field. */
/** A credential provider a scope can mint principals in, with its kind (for the privilege examples). */
export interface ProviderOption {
  name: string;
  kind: string;
}

const PRIVILEGE_EXAMPLES: Record<string, string> = {
  postgresql: "SELECT ON orders · INSERT, UPDATE ON billing.refunds · USAGE ON SCHEMA billing",
  mariadb: "SELECT ON orders · INSERT, UPDATE ON shop.refunds · SELECT ON shop.*",
  redis: "~orders:* +get +scan · %R~cache:* +@read",
  rabbitmq: "vhost=/ configure=^$ write=^orders\\. read=^orders\\.",
};

export function ScopeDialog({
  scope,
  groupNames,
  audiences,
  providers = [],
}: {
  scope?: ScopeDto;
  groupNames: string[];
  audiences: string[];
  providers?: ProviderOption[];
}) {
  return (
    <FormDialog
      trigger={
        scope ? (
          <Button size="sm" variant="outline">
            Edit<span className="sr-only"> {scope.key}</span>
          </Button>
        ) : (
          <Button>New scope</Button>
        )
      }
      title={scope ? `Edit ${scope.key}` : "New scope"}
      description={scope ? "Grants already issued keep their scopes and expiry." : "A catalog entry agents can be made eligible for and ask for."}
      submitLabel={scope ? "Save scope" : "Create scope"}
      action={scope ? updateScopeAction : createScopeAction}
      fields={(state) => <ScopeFields state={state} scope={scope} groupNames={groupNames} audiences={audiences} providers={providers} />}
    />
  );
}

function ScopeFields({
  state,
  scope,
  groupNames,
  audiences,
  providers,
}: {
  state: FormState;
  scope?: ScopeDto;
  groupNames: string[];
  audiences: string[];
  providers: ProviderOption[];
}) {
  const credentialError =
    state.fieldErrors?.credentialPrivileges ?? Object.entries(state.fieldErrors ?? {}).find(([field]) => field.startsWith("credentials"))?.[1];
  // A scope may name a resource server that has since been revoked: keep it selectable so saving does not drop it silently.
  const audienceOptions = scope?.resourceServer && !audiences.includes(scope.resourceServer) ? [...audiences, scope.resourceServer] : audiences;
  const initial = (field: string, fallback: string) => state.values?.[field] ?? fallback;
  return (
    <>
      {scope ? (
        <input type="hidden" name="key" value={scope.key} />
      ) : (
        <Field
          label="Key"
          required
          autoComplete="off"
          className="font-mono"
          {...bindField(state, "key")}
          hint="Such as crm.customers:read. It cannot be changed later."
        />
      )}
      <TextareaField
        label="Description"
        name="description"
        rows={2}
        defaultValue={initial("description", scope?.description ?? "")}
        error={state.fieldErrors?.description}
      />
      <div className="grid grid-cols-2 gap-4">
        <SelectField label="Risk" name="risk" defaultValue={initial("risk", scope?.risk ?? "LOW")} error={state.fieldErrors?.risk}>
          {RISKS.map((risk) => (
            <option key={risk} value={risk}>
              {risk.toLowerCase()}
            </option>
          ))}
        </SelectField>
        <Field
          label="Max duration"
          name="maxDurationSeconds"
          required
          autoComplete="off"
          defaultValue={initial("maxDurationSeconds", scope ? formatDuration(scope.maxDurationSeconds) : "1 h")}
          error={state.fieldErrors?.maxDurationSeconds}
          hint="Such as 15 min, 1 h or 2 d."
        />
        <SelectField
          label="Approver group"
          name="approverGroup"
          defaultValue={initial("approverGroup", scope?.approverGroup ?? "")}
          error={state.fieldErrors?.approverGroup}
        >
          <option value="">None</option>
          {groupNames.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Approvals required"
          name="approvalsRequired"
          defaultValue={initial("approvalsRequired", String(scope?.approvalsRequired ?? 1))}
          error={state.fieldErrors?.approvalsRequired}
        >
          {APPROVAL_COUNTS.map((count) => (
            <option key={count} value={count}>
              {count}
            </option>
          ))}
        </SelectField>
      </div>
      <SelectField
        label="Resource server"
        name="resourceServer"
        defaultValue={initial("resourceServer", scope?.resourceServer ?? "")}
        error={state.fieldErrors?.resourceServer}
        hint="The tool that enforces this scope: only tokens for its audience carry it. With none, no token carries it (decisions by agent id still answer)."
      >
        <option value="">None</option>
        {audienceOptions.map((audience) => (
          <option key={audience} value={audience}>
            {audience}
          </option>
        ))}
      </SelectField>
      <Field
        label="Tags"
        name="tags"
        autoComplete="off"
        className="font-mono"
        defaultValue={initial("tags", scope?.tags.join(", ") ?? "")}
        error={state.fieldErrors?.tags}
        hint="Labels policies can match, such as pii, prod. Separated by commas; lower-case letters, digits, '.', '_' or '-'."
      />
      {(providers.length > 0 || scope?.credentials) && (
        <fieldset className="flex flex-col gap-3 rounded-md border p-3">
          <legend className="px-1 text-sm font-medium">Credentials</legend>
          <SelectField
            label="Credential provider"
            name="credentialProvider"
            defaultValue={initial("credentialProvider", scope?.credentials?.provider ?? "")}
            error={state.fieldErrors?.["credentials.provider"]}
            hint="Grants of this scope can mint a short-lived principal there, removed when the grant ends."
          >
            <option value="">None</option>
            {providers.map((provider) => (
              <option key={provider.name} value={provider.name}>
                {provider.name} ({provider.kind})
              </option>
            ))}
          </SelectField>
          <TextareaField
            label="Privileges"
            name="credentialPrivileges"
            rows={3}
            className="font-mono text-xs"
            defaultValue={initial("credentialPrivileges", scope?.credentials?.privileges.join("\n") ?? "")}
            error={credentialError}
            hint={`One per line. ${providers
              .map((provider) => `${provider.kind}: ${PRIVILEGE_EXAMPLES[provider.kind] ?? ""}`)
              .filter((line, index, all) => all.indexOf(line) === index)
              .join(" — ")}`}
          />
        </fieldset>
      )}
      <label className="flex items-start gap-2.5 text-sm">
        <Checkbox name="autoApprove" defaultChecked={state.values ? state.values.autoApprove === "on" : (scope?.autoApprove ?? false)} className="mt-0.5" />
        <span className="flex flex-col gap-0.5">
          <span className="font-medium">Auto-approve</span>
          <span className="text-xs text-muted-foreground">Grant requests for this scope at once, without approvers, when every scope asked for allows it.</span>
        </span>
      </label>
    </>
  );
}

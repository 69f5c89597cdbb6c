"use client";
import Link from "next/link";
import { useId } from "react";
import { registerAgentAction } from "@/app/(app)/agents/actions";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { TextareaField } from "@/components/ui/textarea";
import { eligibleScopeField } from "@/lib/agents/form-schemas";
import type { ScopeDto } from "@/lib/scopes/schemas";
import { FormDialog } from "./form-dialog";
import { RiskBadge } from "./risk-badge";
import { bindField } from "@/components/shared/bind-field";

export function RegisterAgentDialog({ scopes, defaultOwnerEmail }: { scopes: ScopeDto[]; defaultOwnerEmail: string }) {
  return (
    <FormDialog
      trigger={<Button>Register agent</Button>}
      title="Register agent"
      description="An agent is a non-human identity. After registering it, issue it a key."
      submitLabel="Register agent"
      action={registerAgentAction}
      wide
      fields={(state) => (
        <>
          <Field label="Name" required autoComplete="off" {...bindField(state, "name")} hint="Lower-case letters, digits, '.', '_' or '-', such as ops-bot." />
          <TextareaField label="Description" name="description" rows={2} defaultValue={state.values?.description} error={state.fieldErrors?.description} />
          <Field
            label="Owner email"
            name="ownerEmail"
            type="email"
            required
            defaultValue={state.values?.ownerEmail ?? defaultOwnerEmail}
            error={state.fieldErrors?.ownerEmail}
            hint="The Baton user accountable for what this agent does."
          />
          <Field
            label="Tags"
            autoComplete="off"
            className="font-mono"
            {...bindField(state, "tags")}
            hint="Labels policies can match, such as oncall-bot. Separated by commas."
          />
          <fieldset className="flex flex-col gap-1.5">
            <legend className="mb-1.5 text-sm font-medium">Eligible scopes</legend>
            <p className="text-xs text-muted-foreground">The most this agent may ever ask for; every request is still decided on its own.</p>
            {scopes.length === 0 ? (
              <p className="text-sm text-muted-foreground">
                The catalog is empty.{" "}
                <Link href="/scopes" className="text-primary underline-offset-4 hover:underline">
                  Add scopes first.
                </Link>
              </p>
            ) : (
              <ul className="flex max-h-64 flex-col divide-y overflow-y-auto rounded-md border">
                {scopes.map((scope) => (
                  <li key={scope.key}>
                    <ScopeCheckbox scope={scope} defaultChecked={state.values?.[eligibleScopeField(scope.key)] === "on"} />
                  </li>
                ))}
              </ul>
            )}
            {state.fieldErrors?.eligibleScopes && <p className="text-xs text-destructive">{state.fieldErrors.eligibleScopes}</p>}
          </fieldset>
        </>
      )}
    />
  );
}

/** Named by its key alone, described by its risk and description, so the list reads quickly. */
function ScopeCheckbox({ scope, defaultChecked }: { scope: ScopeDto; defaultChecked: boolean }) {
  const id = useId();
  const describedBy = scope.description ? `${id}-risk ${id}-about` : `${id}-risk`;
  return (
    <label className="flex cursor-pointer items-start gap-2.5 px-3 py-2 hover:bg-muted">
      <Checkbox
        name={eligibleScopeField(scope.key)}
        defaultChecked={defaultChecked}
        aria-labelledby={`${id}-key`}
        aria-describedby={describedBy}
        className="mt-0.5"
      />
      <span className="flex min-w-0 flex-col gap-0.5">
        <span className="flex items-center gap-2">
          <span id={`${id}-key`} className="font-mono text-xs">
            {scope.key}
          </span>
          <span id={`${id}-risk`}>
            <RiskBadge risk={scope.risk} />
          </span>
        </span>
        {scope.description && (
          <span id={`${id}-about`} className="text-xs text-muted-foreground">
            {scope.description}
          </span>
        )}
      </span>
    </label>
  );
}

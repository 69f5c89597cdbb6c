"use client";
import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { grantIncidentAuthorityAction } from "@/app/(app)/incidents/actions";
import type { DialogFormAction, DialogFormState } from "@/components/admin/dialog-form";
import { FormDialog } from "@/components/admin/form-dialog";
import { RiskBadge } from "@/components/admin/risk-badge";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select";
import { TextareaField } from "@/components/ui/textarea";
import { grantScopeField } from "@/lib/incidents/form-schemas";
import { formatDuration } from "@/lib/scopes/form-schemas";
import { incidentKey, type IncidentDetail } from "./incident-queries";

type Extra = { awaitingSecondApproval: string };
type Agent = IncidentDetail["agents"][number];

const showFiledRequest = (state: DialogFormState<Extra>) =>
  state.awaitingSecondApproval && (
    <Alert>
      A critical scope needs a second approver: the request, with your approval on it, is in the approvers&apos; inboxes.{" "}
      <Link href={`/requests/${state.awaitingSecondApproval}`} className="text-primary underline underline-offset-4">
        Follow the request
      </Link>
      .
    </Alert>
  );

/** The commander hands an agent authority for the incident: only the agent's eligible scopes, capped by each scope's maximum. */
export function GrantAuthorityDialog({ incidentId, agents }: { incidentId: string; agents: Agent[] }) {
  const queryClient = useQueryClient();
  const grant: DialogFormAction<Extra> = async (previous, formData) => {
    const state = await grantIncidentAuthorityAction(previous, formData);
    if (state.ok) await queryClient.invalidateQueries({ queryKey: incidentKey(incidentId) });
    return state;
  };
  return (
    <FormDialog<Extra>
      trigger={<Button>Grant authority</Button>}
      title="Grant an agent authority for this incident"
      description="No request needed: you are recorded as the grantor and the agent acts for you. The grant ends at its duration or when the incident is resolved, whichever comes first."
      submitLabel="Grant"
      action={grant}
      result={showFiledRequest}
      wide
      fields={(state) => <GrantFields incidentId={incidentId} agents={agents} state={state} />}
    />
  );
}

function GrantFields({ incidentId, agents, state }: { incidentId: string; agents: Agent[]; state: DialogFormState<Extra> }) {
  const [agentId, setAgentId] = useState(state.values?.agentId ?? agents[0]?.id ?? "");
  const agent = agents.find((candidate) => candidate.id === agentId);
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(Object.keys(state.values ?? {}).filter((field) => field.startsWith("grantScope:")).map((field) => field.slice("grantScope:".length))));
  const eligible = agent?.eligibleScopes ?? [];
  const picked = eligible.filter((scope) => chosen.has(scope.key));
  const cap = picked.length ? Math.min(...picked.map((scope) => scope.maxDurationSeconds)) : null;
  const toggle = (key: string, on: boolean) => setChosen((current) => new Set([...current].filter((k) => k !== key).concat(on ? [key] : [])));

  return (
    <>
      <input type="hidden" name="incidentId" value={incidentId} />
      <SelectField label="Agent" name="agentId" value={agentId} onChange={(event) => (setAgentId(event.target.value), setChosen(new Set()))} error={state.fieldErrors?.agentId}>
        {agents.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {candidate.name}
          </option>
        ))}
      </SelectField>
      <fieldset className="flex flex-col gap-1.5">
        <legend className="mb-1.5 text-sm font-medium">Scopes</legend>
        <p className="text-xs text-muted-foreground">Only what this agent is eligible for. Critical scopes need a second approver.</p>
        {eligible.length === 0 ? (
          <p className="text-sm text-muted-foreground">This agent is not eligible for any scope.</p>
        ) : (
          <ul className="flex max-h-64 flex-col divide-y overflow-y-auto rounded-md border">
            {eligible.map((scope) => (
              <li key={scope.key}>
                <label className="flex cursor-pointer items-center gap-2.5 px-3 py-2 hover:bg-muted">
                  <Checkbox name={grantScopeField(scope.key)} checked={chosen.has(scope.key)} onChange={(event) => toggle(scope.key, event.target.checked)} aria-label={scope.key} />
                  <span className="font-mono text-xs">{scope.key}</span>
                  <RiskBadge risk={scope.risk} />
                  <span className="ml-auto text-xs text-muted-foreground">at most {formatDuration(scope.maxDurationSeconds)}</span>
                </label>
              </li>
            ))}
          </ul>
        )}
        {state.fieldErrors?.scopes && <p className="text-xs text-destructive">{state.fieldErrors.scopes}</p>}
      </fieldset>
      <Field
        label="Duration"
        name="duration"
        required
        autoComplete="off"
        defaultValue={state.values?.duration ?? "30 min"}
        error={state.fieldErrors?.duration}
        hint={cap ? `At most ${formatDuration(cap)} for the chosen scopes.` : "Such as 15 min or 1 h."}
      />
      <TextareaField label="Reason" name="reason" rows={2} required defaultValue={state.values?.reason} error={state.fieldErrors?.reason} hint="Kept with the grant and in the audit log." />
    </>
  );
}

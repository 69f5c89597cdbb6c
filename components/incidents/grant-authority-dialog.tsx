"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { grantIncidentAuthorityAction } from "@/app/(app)/incidents/actions";
import type { DialogFormAction, DialogFormState } from "@/components/admin/dialog-form";
import { FormDialog } from "@/components/admin/form-dialog";
import { RiskBadge } from "@/components/admin/risk-badge";
import { StatusBadge } from "@/components/admin/status-badge";
import { ScopeChips } from "@/components/context/scope-chip";
import { COUNTDOWN_TICK_MS, useNow } from "@/components/shared/use-now";
import { queryKeys } from "@/components/live/query-keys";
import { DurationField } from "@/components/requests/duration-field";
import { fetchRequest } from "@/components/requests/request-queries";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { RelativeTime } from "@/components/ui/relative-time";
import { SelectField } from "@/components/ui/select";
import { TextareaField } from "@/components/ui/textarea";
import { standingExposure } from "@/lib/agents/standing-exposure";
import { grantScopeField } from "@/lib/incidents/form-schemas";
import { formatDuration } from "@/lib/kernel/duration";
import { type IncidentDetail } from "./incident-queries";
import { bindField } from "@/components/shared/bind-field";

type Extra = { awaitingSecondApproval: string };
type Agent = IncidentDetail["agents"][number];

/** Longest choice while no scope is ticked: the duration control then offers the usual presets up to a day. */
const UNCAPPED_LONGEST = 86_400;
const DEFAULT_DURATION = 1800;

const showFiledRequest = (state: DialogFormState<Extra>) => state.awaitingSecondApproval && <SecondApprovalProgress requestId={state.awaitingSecondApproval} />;

/**
 * A critical scope needs a second person: the filed request, followed live — approvals counted as they
 * arrive, then the outcome — so the commander watches it progress instead of reading an error.
 */
function SecondApprovalProgress({ requestId }: { requestId: string }) {
  const { data: request, error } = useQuery({ queryKey: queryKeys.request(requestId), queryFn: () => fetchRequest(requestId) });
  const status = request?.status ?? "PENDING";
  return (
    <section aria-label="Second approval" className="flex flex-col gap-2 rounded-md border bg-muted/50 px-4 py-3 text-sm">
      <p role="status" className="font-medium">
        {status === "PENDING"
          ? "Waiting for a second approval"
          : status === "APPROVED"
            ? "Approved: the grant is issued"
            : `The request was ${status.toLowerCase()}`}
      </p>
      <p className="text-muted-foreground">
        A critical scope needs a second approver. The request carries your approval and is in the approvers&apos; inboxes; this updates as they decide.
      </p>
      {request && (
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="text-muted-foreground">Status</dt>
          <dd>
            <StatusBadge status={status} />
          </dd>
          <dt className="text-muted-foreground">Approvals</dt>
          <dd className="tabular-nums" aria-live="polite">
            {request.approvalsHad} of {request.approvalsNeeded}
          </dd>
        </dl>
      )}
      {error && <p className="text-destructive">The request could not be refreshed: {error.message}</p>}
      <Link href={`/requests/${requestId}`} className="self-start text-primary underline underline-offset-4">
        Open the request
      </Link>
    </section>
  );
}

/** The commander hands an agent authority for the incident: only the agent's eligible scopes, capped by each scope's maximum. */
export function GrantAuthorityDialog({ incidentId, agents }: { incidentId: string; agents: Agent[] }) {
  const queryClient = useQueryClient();
  const grant: DialogFormAction<Extra> = async (previous, formData) => {
    const state = await grantIncidentAuthorityAction(previous, formData);
    if (state.ok) await queryClient.invalidateQueries({ queryKey: queryKeys.incident(incidentId) });
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
  // No agent is preselected: handing authority to the first bot in the list by accident is the mistake to prevent.
  const [agentId, setAgentId] = useState(state.values?.agentId ?? "");
  const agent = agents.find((candidate) => candidate.id === agentId);
  const [chosen, setChosen] = useState<Set<string>>(
    () =>
      new Set(
        Object.keys(state.values ?? {})
          .filter((field) => field.startsWith("grantScope:"))
          .map((field) => field.slice("grantScope:".length)),
      ),
  );
  const [durationSeconds, setDurationSeconds] = useState(() => Number(state.values?.duration) || DEFAULT_DURATION);
  const eligible = agent?.eligibleScopes ?? [];
  const picked = eligible.filter((scope) => chosen.has(scope.key));
  const cap = picked.length ? Math.min(...picked.map((scope) => scope.maxDurationSeconds)) : null;
  const longest = cap ?? UNCAPPED_LONGEST;
  const duration = Math.min(durationSeconds, longest);
  const toggle = (key: string, on: boolean) => setChosen((current) => new Set([...current].filter((k) => k !== key).concat(on ? [key] : [])));

  return (
    <>
      <input type="hidden" name="incidentId" value={incidentId} />
      <SelectField
        label="Agent"
        name="agentId"
        required
        value={agentId}
        onChange={(event) => (setAgentId(event.target.value), setChosen(new Set()))}
        error={state.fieldErrors?.agentId}
      >
        <option value="" disabled>
          Choose an agent…
        </option>
        {agents.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {candidate.name}
          </option>
        ))}
      </SelectField>
      {agent && <AgentStanding agent={agent} />}
      {agent && (
        <fieldset className="flex flex-col gap-1.5">
          <legend className="mb-1.5 text-sm font-medium">Scopes</legend>
          <p className="text-xs text-muted-foreground">Only what this agent is eligible for. Critical scopes need a second approver.</p>
          {eligible.length === 0 ? (
            <p className="text-sm text-muted-foreground">This agent is not eligible for any scope.</p>
          ) : (
            <ul className="flex max-h-64 flex-col divide-y overflow-y-auto rounded-md border">
              {eligible.map((scope) => (
                <li key={scope.key}>
                  <label className="flex cursor-pointer flex-wrap items-center gap-2.5 px-3 py-2 hover:bg-muted">
                    <Checkbox
                      name={grantScopeField(scope.key)}
                      checked={chosen.has(scope.key)}
                      onChange={(event) => toggle(scope.key, event.target.checked)}
                      aria-label={scope.key}
                    />
                    <span className="font-mono text-xs wrap-anywhere">{scope.key}</span>
                    <RiskBadge risk={scope.risk} />
                    <span className="ml-auto text-xs text-muted-foreground">at most {formatDuration(scope.maxDurationSeconds)}</span>
                  </label>
                </li>
              ))}
            </ul>
          )}
          {state.fieldErrors?.scopes && <p className="text-xs text-destructive">{state.fieldErrors.scopes}</p>}
        </fieldset>
      )}
      <DurationField
        name="duration"
        longest={longest}
        longestNote={cap ? "(the most allowed)" : undefined}
        value={duration}
        onChange={setDurationSeconds}
        error={state.fieldErrors?.duration}
        hint={cap ? `At most ${formatDuration(cap)} for the chosen scopes.` : "Capped by the scopes you choose."}
      />
      <TextareaField label="Reason" rows={2} required {...bindField(state, "reason")} hint="Kept with the grant and in the audit log." />
    </>
  );
}

/** Whom the agent belongs to and what it already holds, so the commander sees the exposure they are adding to. */
function AgentStanding({ agent }: { agent: Agent }) {
  const [shownAt] = useState(() => Date.now());
  const now = useNow(shownAt, COUNTDOWN_TICK_MS);
  const exposure = standingExposure(agent.heldGrants, now);
  const risks = new Map(agent.heldGrants.flatMap((grant) => grant.scopeRefs.map((ref) => [ref.key, ref.risk] as const)));
  return (
    <section aria-label={`About ${agent.name}`} className="flex flex-col gap-1.5 rounded-md border px-3 py-2 text-sm">
      <p>
        <span className="text-muted-foreground">Owner:</span> {agent.owner.name} <span className="text-muted-foreground">({agent.owner.email})</span>
      </p>
      {exposure.activeGrants === 0 ? (
        <p className="text-muted-foreground">Holds no active grant right now.</p>
      ) : (
        <div className="flex flex-col gap-1">
          <p>
            <span className="text-muted-foreground">Already holds:</span> {exposure.scopes.length} {exposure.scopes.length === 1 ? "scope" : "scopes"} through{" "}
            {exposure.activeGrants} active {exposure.activeGrants === 1 ? "grant" : "grants"}
            {exposure.until && (
              <>
                , the last until <RelativeTime at={exposure.until} now={now} />
              </>
            )}
            .
          </p>
          <ScopeChips scopes={exposure.scopes.map((held) => ({ key: held.scope, risk: risks.get(held.scope) ?? null }))} />
        </div>
      )}
      <Link href={`/agents/${agent.id}`} className="self-start text-xs text-primary underline underline-offset-4">
        The agent&apos;s page
      </Link>
    </section>
  );
}

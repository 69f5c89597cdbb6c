"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { SectionCard } from "@/components/admin/section-card";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { PolicyDocument } from "@/lib/policy/schemas";
import type { RoutingDto } from "@/lib/policy/routing-schemas";
import type { HypotheticalRequest, SimulationResult } from "@/lib/policy/simulation-schemas";
import { simulatePolicies } from "./policy-queries";

/** An agent a hypothetical request can name. */
export interface SimulationAgent {
  id: string;
  name: string;
  eligibleScopes: string[];
}

const PERIODS = [7, 30, 90] as const;
const DAY_MS = 86_400_000;
const OUTCOME = { denied: "Denied", auto_approved: "Granted at once", routed: "Routed" } as const;
const OUTCOME_TONE = { denied: "danger", auto_approved: "success", routed: "info" } as const;

function OutcomeBadge({ outcome }: { outcome: keyof typeof OUTCOME }) {
  return <Badge tone={OUTCOME_TONE[outcome]}>{OUTCOME[outcome]}</Badge>;
}

/**
 * What a set would change, compared with the active one: the requests of a recent period replayed, and
 * optionally one request described here. `autoRun` runs it once on arrival (the proposal page).
 */
export function SimulationPanel({ policies, agents, autoRun = false }: { policies: PolicyDocument[]; agents: SimulationAgent[]; autoRun?: boolean }) {
  const ids = useId();
  const [days, setDays] = useState<(typeof PERIODS)[number]>(30);
  const [agentId, setAgentId] = useState("");
  const [scopes, setScopes] = useState("");
  const [minutes, setMinutes] = useState("60");
  const [onBehalfOf, setOnBehalfOf] = useState("");
  const [ranOn, setRanOn] = useState<PolicyDocument[] | null>(null);
  const simulate = useMutation({
    mutationFn: () => {
      const request: HypotheticalRequest | undefined = agentId
        ? {
            agentId,
            scopes: scopes
              .split(/[\s,]+/)
              .map((scope) => scope.trim())
              .filter(Boolean),
            durationSeconds: Math.round(Number(minutes) * 60),
            ...(onBehalfOf.trim() ? { onBehalfOf: onBehalfOf.trim() } : {}),
          }
        : undefined;
      setRanOn(policies);
      return simulatePolicies({ policies, since: new Date(Date.now() - days * DAY_MS + 60_000).toISOString(), request });
    },
  });
  const started = useRef(false);
  useEffect(() => {
    if (autoRun && !started.current) {
      started.current = true;
      simulate.mutate();
    }
  }, [autoRun, simulate]);
  const outdated = simulate.data && JSON.stringify(ranOn) !== JSON.stringify(policies);

  return (
    <SectionCard
      title="Simulation"
      description="What this set would decide, compared with the active set: recent requests replayed, and one request you describe."
    >
      <div className="flex flex-col gap-4 p-4">
        <form
          aria-label="Simulation"
          className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-5"
          onSubmit={(event) => {
            event.preventDefault();
            simulate.mutate();
          }}
        >
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={`${ids}-days`}>Replay requests of</Label>
            <select
              id={`${ids}-days`}
              value={days}
              onChange={(event) => setDays(Number(event.target.value) as (typeof PERIODS)[number])}
              className="h-9 rounded-md border border-input bg-card px-2 text-sm"
            >
              {PERIODS.map((period) => (
                <option key={period} value={period}>
                  the last {period} days
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={`${ids}-agent`}>Request by agent (optional)</Label>
            <select
              id={`${ids}-agent`}
              value={agentId}
              onChange={(event) => {
                setAgentId(event.target.value);
                if (!scopes) setScopes(agents.find((agent) => agent.id === event.target.value)?.eligibleScopes[0] ?? "");
              }}
              className="h-9 rounded-md border border-input bg-card px-2 text-sm"
            >
              <option value="">No hypothetical request</option>
              {agents.map((agent) => (
                <option key={agent.id} value={agent.id}>
                  {agent.name}
                </option>
              ))}
            </select>
          </div>
          {agentId && (
            <>
              <div className="flex flex-col gap-1.5">
                <Label htmlFor={`${ids}-scopes`}>Scopes</Label>
                <Input id={`${ids}-scopes`} value={scopes} onChange={(event) => setScopes(event.target.value)} placeholder="crm.customers:read" />
              </div>
              <div className="flex flex-col gap-1.5">
                <Label htmlFor={`${ids}-minutes`}>Minutes</Label>
                <Input id={`${ids}-minutes`} type="number" min={1} value={minutes} onChange={(event) => setMinutes(event.target.value)} />
              </div>
              <div className="flex flex-col gap-1.5">
                <Label htmlFor={`${ids}-behalf`}>On behalf of (email, optional)</Label>
                <Input id={`${ids}-behalf`} type="email" value={onBehalfOf} onChange={(event) => setOnBehalfOf(event.target.value)} />
              </div>
            </>
          )}
          <div className="flex items-end">
            <Button type="submit" variant="outline" disabled={simulate.isPending}>
              {simulate.isPending ? "Simulating…" : "Simulate"}
            </Button>
          </div>
        </form>
        {simulate.error && <Alert>{simulate.error.message}</Alert>}
        {outdated && <p className="text-sm text-muted-foreground">The policies changed since this simulation: simulate again.</p>}
        {simulate.data && <SimulationOutcome result={simulate.data} />}
      </div>
    </SectionCard>
  );
}

function SimulationOutcome({ result }: { result: SimulationResult }) {
  const changed = result.transitions.reduce((sum, transition) => sum + transition.count, 0);
  return (
    <div aria-label="Simulation result" role="region" className="flex flex-col gap-3">
      <p role="status" className="text-sm">
        Replayed {result.requestCount} request{result.requestCount === 1 ? "" : "s"} filed since{" "}
        <time dateTime={result.since} title={result.since}>
          {result.since.slice(0, 10)}
        </time>
        : {changed === 0 ? "none would be decided differently" : `${changed} would be decided differently, ${result.unchanged} the same`}.
        {result.skipped > 0 && ` ${result.skipped} skipped (their agent or scopes no longer exist).`}
        {result.truncated && " Only the newest were replayed."}
      </p>
      {result.transitions.length > 0 && (
        <Table aria-label="Outcome changes">
          <TableHeader>
            <TableRow>
              <TableHead>Today</TableHead>
              <TableHead>With this set</TableHead>
              <TableHead>Requests</TableHead>
              <TableHead>Deciding policies</TableHead>
            </TableRow>
          </TableHeader>
          <tbody>
            {result.transitions.map((transition) => (
              <TableRow key={`${transition.from}>${transition.to}`}>
                <TableCell>
                  <OutcomeBadge outcome={transition.from} />
                </TableCell>
                <TableCell>
                  <span className="flex flex-wrap items-center gap-1">
                    <OutcomeBadge outcome={transition.to} />
                    {transition.approversChanged && <span className="text-xs text-muted-foreground">other approvers</span>}
                  </span>
                </TableCell>
                <TableCell>
                  <span className="font-medium">{transition.count}</span>{" "}
                  <span className="text-xs">
                    {transition.requests.slice(0, 5).map((request) => (
                      <Link key={request.id} href={`/requests/${request.id}`} className="mr-1 font-mono underline-offset-4 hover:underline">
                        {request.id.slice(0, 12)}…
                      </Link>
                    ))}
                  </span>
                </TableCell>
                <TableCell className="text-xs">
                  {[...new Map(transition.requests.flatMap((request) => request.policies).map((policy) => [policy.id, policy])).values()].map((policy) => (
                    <div key={policy.id}>
                      <span className="font-mono">{policy.id}</span>: {policy.reason}
                    </div>
                  ))}
                </TableCell>
              </TableRow>
            ))}
          </tbody>
        </Table>
      )}
      {result.hypothetical && (
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2" aria-label="Hypothetical request" role="group">
          <RoutingCard title="Today" routing={result.hypothetical.current} />
          <RoutingCard title="With this set" routing={result.hypothetical.proposed} />
        </div>
      )}
    </div>
  );
}

function RoutingCard({ title, routing }: { title: string; routing: RoutingDto }) {
  return (
    <div className="flex flex-col gap-1.5 rounded-md border border-border p-3 text-sm">
      <div className="flex items-center gap-2">
        <span className="font-medium">{title}</span>
        <OutcomeBadge outcome={routing.outcome} />
      </div>
      {routing.requirements.map((requirement) => (
        <div key={requirement.group} className="text-xs">
          {requirement.quorum} from {requirement.group}
          {requirement.stepUp ? " (recent sign-in)" : ""} for {requirement.scopes.join(", ")}
        </div>
      ))}
      {routing.policies.map((policy) => (
        <div key={policy.id} className="text-xs">
          <span className="font-mono">{policy.id}</span>: {policy.reason}
        </div>
      ))}
      {routing.notes.map((note) => (
        <div key={note} className="text-xs text-muted-foreground">
          {note}
        </div>
      ))}
    </div>
  );
}

"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useId, useMemo, useState } from "react";
import { DetailHeader } from "@/components/admin/detail-header";
import { SectionCard } from "@/components/admin/section-card";
import { queryKeys } from "@/components/live/query-keys";
import { ProblemError } from "@/components/shared/fetch-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextareaField } from "@/components/ui/textarea";
import { diffPolicySets } from "@/lib/policy/diff-policy-sets";
import { fileLineOf, formatPolicyFile, parsePolicyFile } from "@/lib/policy/policy-file";
import type { PolicyValidationError } from "@/lib/policy/schemas";
import { changeSummary, PolicyDiff } from "./policy-diff";
import { PolicyEditor, type EditorProblem } from "./policy-editor";
import { SimulationPanel, type SimulationAgent } from "./simulation-panel";
import { fetchActivePolicies, policyErrorsOf, proposePolicies, validatePolicies, type ActivePolicySetDto } from "./policy-queries";

const VALIDATE_AFTER_MS = 400;

type Check = { state: "checking" } | { state: "valid" } | { state: "invalid"; errors: PolicyValidationError[] } | { state: "unreachable"; detail: string };

/** Validates the parsed set on the server a moment after typing stops; a newer edit cancels the older check. */
function useServerCheck(policiesJson: string, skip: boolean): Check {
  const [check, setCheck] = useState<Check>({ state: "checking" });
  useEffect(() => {
    if (skip) return;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      setCheck({ state: "checking" });
      validatePolicies(JSON.parse(policiesJson))
        .then(() => !abort.signal.aborted && setCheck({ state: "valid" }))
        .catch((error: unknown) => {
          if (abort.signal.aborted) return;
          if (error instanceof ProblemError && error.status === 400) {
            const errors = policyErrorsOf(error.problem);
            setCheck(
              errors.length
                ? { state: "invalid", errors }
                : { state: "invalid", errors: [{ policyId: null, line: null, column: null, message: error.message }] },
            );
          } else setCheck({ state: "unreachable", detail: error instanceof Error ? error.message : "Baton could not be reached" });
        });
    }, VALIDATE_AFTER_MS);
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [policiesJson, skip]);
  return check;
}

/** The editor page: the whole set as one file, validated as you type, diffed against the active set, simulated, then proposed. */
export function ProposePolicyView({ agents }: { agents: SimulationAgent[] }) {
  const { data: active, error } = useQuery({ queryKey: queryKeys.activePolicies, queryFn: fetchActivePolicies });
  if (!active) return <Alert>The active policy set could not be loaded{error ? `: ${error.message}` : "."}</Alert>;
  return <PolicyChangeForm active={active} agents={agents} />;
}

function PolicyChangeForm({ active, agents }: { active: ActivePolicySetDto; agents: SimulationAgent[] }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const problemsId = useId();
  const [base] = useState(active);
  const [source, setSource] = useState(() => formatPolicyFile(active.policies));
  const [note, setNote] = useState("");
  const parsed = useMemo(() => parsePolicyFile(source), [source]);
  const policiesJson = useMemo(() => JSON.stringify(parsed.policies), [parsed]);
  const check = useServerCheck(policiesJson, parsed.problems.length > 0);
  const diff = useMemo(() => diffPolicySets(active.policies, parsed.policies), [active.policies, parsed.policies]);

  const problems: (EditorProblem & { policyId: string | null })[] = useMemo(() => {
    if (parsed.problems.length) return parsed.problems.map((problem) => ({ ...problem, policyId: null }));
    if (check.state !== "invalid") return [];
    return check.errors.map((error) => ({
      line: fileLineOf(parsed.blocks, error.policyId, error.line),
      column: error.column ?? 1,
      message: error.message,
      policyId: error.policyId,
    }));
  }, [parsed, check]);

  const propose = useMutation({
    mutationFn: () => proposePolicies(parsed.policies, note),
    onSuccess: (proposal) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.policies });
      router.push(`/policies/proposals/${proposal.id}`);
    },
  });

  const checking = parsed.problems.length === 0 && check.state === "checking";
  const unchanged = diff.policies.length === 0;
  const status = parsed.problems.length
    ? `${parsed.problems.length} problem${parsed.problems.length === 1 ? "" : "s"} in the file`
    : check.state === "checking"
      ? "Checking…"
      : check.state === "valid"
        ? "Valid: the set validates against Baton's schema"
        : check.state === "invalid"
          ? `${check.errors.length} problem${check.errors.length === 1 ? "" : "s"}`
          : `Could not check: ${check.detail}`;

  return (
    <div className="flex flex-col gap-5">
      <DetailHeader
        listHref="/policies"
        listLabel="Policies"
        title="Propose a policy change"
        description="Edit the whole set. It becomes active only when a different admin approves it."
      />
      {active.version !== base.version && (
        <Alert tone="info">
          Another change became active while you edited (version <span className="font-mono">{active.version}</span>). The diff below is against it; reload the
          page to start from it.
        </Alert>
      )}
      <section aria-labelledby={`${problemsId}-editor`} className="flex flex-col gap-2">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id={`${problemsId}-editor`} className="text-sm font-semibold">
            Policies
          </h2>
          <p role="status" className={problems.length ? "text-sm text-destructive" : "text-sm text-muted-foreground"}>
            {status}
          </p>
        </div>
        <p className="text-xs text-muted-foreground">
          Each policy starts with a line <code className="font-mono">@id(&quot;…&quot;)</code> naming it; <code className="font-mono">@reason</code>,{" "}
          <code className="font-mono">@route</code>, <code className="font-mono">@quorum</code>, <code className="font-mono">@stepup</code> and{" "}
          <code className="font-mono">@maxDuration</code> follow. Every outcome names the policies that decided it.
        </p>
        <PolicyEditor initialValue={source} onChange={setSource} problems={problems} label="Policy set" describedBy={`${problemsId}-list`} />
        {problems.length > 0 && (
          <ul id={`${problemsId}-list`} aria-label="Problems" className="flex flex-col gap-1 rounded-md border border-destructive/40 p-3 text-sm">
            {problems.map((problem, index) => (
              <li key={index}>
                <span className="font-mono text-xs">
                  Line {problem.line}, column {problem.column}
                  {problem.policyId ? ` (${problem.policyId})` : ""}:
                </span>{" "}
                {problem.message}
              </li>
            ))}
          </ul>
        )}
      </section>
      <SectionCard title="Changes against the active set" description={`Version ${active.version.slice(0, 16)}: ${changeSummary(diff)}.`}>
        <PolicyDiff diff={diff} emptyText="Nothing changed yet." />
      </SectionCard>
      {problems.length === 0 && !checking && !unchanged && <SimulationPanel policies={parsed.policies} agents={agents} />}
      <form
        className="flex flex-col gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          propose.mutate();
        }}
      >
        <TextareaField
          label="Note"
          hint="What the change is for; the approving admin reads it."
          value={note}
          onChange={(event) => setNote(event.target.value)}
          rows={2}
          maxLength={1000}
        />
        {propose.error && (
          <Alert>
            {propose.error.message}
            {propose.error instanceof ProblemError &&
              propose.error.status === 400 &&
              policyErrorsOf(propose.error.problem).length > 0 &&
              " See the problems above."}
          </Alert>
        )}
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={propose.isPending || problems.length > 0 || checking || unchanged || note.trim() === ""}>
            {propose.isPending ? "Proposing…" : "Propose"}
          </Button>
          {unchanged && <span className="text-sm text-muted-foreground">Change a policy to propose.</span>}
        </div>
      </form>
    </div>
  );
}

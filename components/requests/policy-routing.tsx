import type { RoutingDto } from "@/lib/policy/routing-schemas";

const OUTCOME: Record<RoutingDto["outcome"], string> = {
  denied: "Denied by policy",
  auto_approved: "Granted at once by policy",
  routed: "Routed to approvers by policy",
};

/** One line for an inbox row: which policies routed it, by id, with the first reason. */
export function RoutingSummary({ routing }: { routing: RoutingDto | null }) {
  if (!routing || routing.policies.length === 0) return null;
  const [first, ...rest] = routing.policies;
  return (
    <p className="text-xs text-muted-foreground">
      <span className="sr-only">Why: </span>
      {first!.reason} <span className="font-mono">({[first!.id, ...rest.map((p) => p.id)].join(", ")})</span>
    </p>
  );
}

/** The whole explanation on the request page: outcome, deciding policies and their reasons, who decides, and notes. */
export function PolicyRouting({ routing }: { routing: RoutingDto }) {
  return (
    <div className="flex flex-col gap-3 px-4 py-3 text-sm">
      <p className="font-medium">{OUTCOME[routing.outcome]}</p>
      {routing.policies.length > 0 && (
        <ul className="flex flex-col gap-1.5" aria-label="Deciding policies">
          {routing.policies.map((policy) => (
            <li key={policy.id} className="flex flex-col gap-0.5 sm:flex-row sm:gap-3">
              <span className="shrink-0 font-mono text-xs sm:w-56 sm:truncate" title={policy.id}>
                {policy.id}
              </span>
              <span>{policy.reason}</span>
            </li>
          ))}
        </ul>
      )}
      {routing.requirements.length > 0 && (
        <ul className="flex flex-col gap-1" aria-label="Who decides">
          {routing.requirements.map((requirement) => (
            <li key={requirement.group}>
              {requirement.quorum} {requirement.quorum === 1 ? "approval" : "approvals"} from <span className="font-medium">{requirement.group}</span>
              {requirement.stepUp && " (with a fresh sign-in)"} for <span className="font-mono text-xs">{requirement.scopes.join(", ")}</span>
            </li>
          ))}
        </ul>
      )}
      {routing.notes.length > 0 && (
        <ul className="list-disc pl-5 text-muted-foreground" aria-label="Notes">
          {routing.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <p className="text-xs text-muted-foreground">
        Policy set <span className="font-mono">{routing.policySetHash.slice(0, 12)}</span>
      </p>
    </div>
  );
}

import { Badge } from "@/components/ui/badge";
import type { PolicyProposalSummary } from "./policy-queries";

const TONE = { pending: "warning", approved: "success", rejected: "neutral" } as const;

export function ProposalStatusBadge({ proposal }: { proposal: Pick<PolicyProposalSummary, "status" | "stale"> }) {
  return (
    <>
      <Badge tone={TONE[proposal.status]}>{proposal.status}</Badge>
      {proposal.stale && <Badge tone="danger">outdated</Badge>}
    </>
  );
}

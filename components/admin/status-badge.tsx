import { Badge } from "@/components/ui/badge";
import { TableCell } from "@/components/ui/table";

type Tone = "neutral" | "info" | "success" | "warning" | "danger";

const STATUS_TONES: Record<string, Tone> = {
  ACTIVE: "success",
  APPROVED: "success",
  PENDING: "info",
  DENIED: "danger",
  REVOKED: "warning",
  DISABLED: "neutral",
  CANCELLED: "neutral",
  EXPIRED: "neutral",
};

/** The status of an agent, key, request or grant, coloured by what it means for access. */
export function StatusBadge({ status }: { status: string }) {
  return <Badge tone={STATUS_TONES[status] ?? "neutral"}>{status.toLowerCase()}</Badge>;
}

export function StatusCell({ status }: { status: string }) {
  return (
    <TableCell>
      <StatusBadge status={status} />
    </TableCell>
  );
}

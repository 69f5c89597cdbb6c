import { IncidentChip } from "@/components/context/incident-chip";
import { NoValue } from "@/components/ui/no-value";
import type { InboxItem } from "./request-queries";

/** What the request is bound to: an incident (with its severity) and/or the ticket or change it names. */
export function RequestContext({ item }: { item: Pick<InboxItem, "incident" | "contextRef"> }) {
  if (!item.incident && !item.contextRef) return <NoValue />;
  return (
    <span className="flex flex-col gap-0.5">
      {item.incident && <IncidentChip incident={item.incident} />}
      {item.contextRef && <span className="font-mono text-xs wrap-anywhere">{item.contextRef}</span>}
    </span>
  );
}

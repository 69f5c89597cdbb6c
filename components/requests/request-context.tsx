import { Badge } from "@/components/ui/badge";
import { NoValue } from "@/components/ui/no-value";
import type { InboxItem } from "./request-queries";

const URGENT_SEVERITIES = ["SEV1", "SEV2"];

/** What the request is bound to: an incident (with its severity) and/or the ticket or change it names. */
export function RequestContext({ item }: { item: Pick<InboxItem, "incident" | "contextRef"> }) {
  if (!item.incident && !item.contextRef) return <NoValue />;
  return (
    <span className="flex flex-col gap-0.5">
      {item.incident && (
        <span className="inline-flex flex-wrap items-center gap-1.5">
          <Badge tone={URGENT_SEVERITIES.includes(item.incident.severity) ? "danger" : "warning"}>{item.incident.severity}</Badge>
          <span>{item.incident.title}</span>
        </span>
      )}
      {item.contextRef && <span className="font-mono text-xs wrap-anywhere">{item.contextRef}</span>}
    </span>
  );
}

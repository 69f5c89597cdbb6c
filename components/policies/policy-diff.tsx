import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/cn";
import type { PolicySetDiff } from "@/lib/policy/review-schemas";

const TONE = { added: "success", removed: "danger", changed: "warning" } as const;

function lineClass(line: string): string {
  if (line.startsWith("+++") || line.startsWith("---")) return "text-muted-foreground";
  if (line.startsWith("@@")) return "text-sky-700 dark:text-sky-300";
  if (line.startsWith("+")) return "bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200";
  if (line.startsWith("-")) return "bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-200";
  return "";
}

/** A set's changes, one unified diff per policy added, removed or changed. */
export function PolicyDiff({ diff, emptyText = "No policy changes." }: { diff: PolicySetDiff; emptyText?: string }) {
  if (diff.policies.length === 0) return <p className="p-4 text-sm text-muted-foreground">{emptyText}</p>;
  return (
    <ul aria-label="Policy changes" className="flex flex-col divide-y divide-border">
      {diff.policies.map((policy) => (
        <li key={policy.id} className="flex flex-col gap-2 p-4">
          <div className="flex items-center gap-2 text-sm">
            <span className="font-mono font-medium wrap-anywhere">{policy.id}</span>
            <Badge tone={TONE[policy.change]}>{policy.change}</Badge>
          </div>
          <pre className="overflow-x-auto rounded-md border border-border bg-muted/40 py-2 font-mono text-xs leading-5">
            {policy.patch
              .split("\n")
              .filter((line, index, lines) => !(index === lines.length - 1 && line === ""))
              .map((line, index) => (
                <div key={index} className={cn("px-3 whitespace-pre", lineClass(line))}>
                  {line || " "}
                </div>
              ))}
          </pre>
        </li>
      ))}
    </ul>
  );
}

/** "2 added, 1 changed": what a proposal changes, in words. */
export function changeSummary(changes: { added: number; removed: number; changed: number }): string {
  const parts = (["added", "removed", "changed"] as const).filter((kind) => changes[kind] > 0).map((kind) => `${changes[kind]} ${kind}`);
  return parts.length ? parts.join(", ") : "no changes";
}

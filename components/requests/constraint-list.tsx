import type { Constraints } from "@/lib/kernel/authorization-details";

/** A grant's or request's constraints, one entry per line: where, which actions, for which scopes. */
export function ConstraintList({ constraints, label }: { constraints: Constraints; label: string }) {
  return (
    <ul aria-label={label} className="flex flex-col gap-1 text-xs">
      {constraints.map((entry, index) => (
        <li key={index} className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5">
          <span>
            <span className="text-muted-foreground">where </span>
            <span className="font-mono">{entry.locations?.join(", ") ?? "anywhere"}</span>
          </span>
          <span>
            <span className="text-muted-foreground">actions </span>
            <span className="font-mono">{entry.actions?.join(", ") ?? "any"}</span>
          </span>
          {entry.scopes && (
            <span>
              <span className="text-muted-foreground">for </span>
              <span className="font-mono">{entry.scopes.join(", ")}</span>
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

import { Badge } from "@/components/ui/badge";
import { TableCell } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import { isRisk, RISK_TONES } from "./tones";

/** A scope key with its risk (lib/scopes/scope-refs.ts); a risk Baton does not know is left uncoloured. */
type ScopeRef = { key: string; risk: string | null };

/** A scope as written in requests and grants, with its risk coloured by the one mapping; a removed scope shows its key alone. */
export function ScopeChip({ scope }: { scope: ScopeRef }) {
  const style = scope.risk && isRisk(scope.risk) ? RISK_TONES[scope.risk] : null;
  return (
    <span className="inline-flex max-w-full items-stretch overflow-hidden rounded text-xs ring-1 ring-inset ring-border">
      <span className={cn("bg-muted px-1.5 py-0.5 font-mono wrap-anywhere", scope.risk === "CRITICAL" && "font-semibold")}>{scope.key}</span>
      {style && (
        <Badge tone={style.tone} className={cn("rounded-none", style.className)}>
          {scope.risk?.toLowerCase()}
          <span className="sr-only"> risk</span>
        </Badge>
      )}
    </span>
  );
}

export function ScopeChips({ scopes }: { scopes: ScopeRef[] }) {
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Scopes">
      {scopes.map((scope) => (
        <li key={scope.key} className="max-w-full">
          <ScopeChip scope={scope} />
        </li>
      ))}
    </ul>
  );
}

export function ScopeChipsCell({ scopes }: { scopes: ScopeRef[] }) {
  return (
    <TableCell>
      <ScopeChips scopes={scopes} />
    </TableCell>
  );
}

import { SectionCard } from "@/components/admin/section-card";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { TimeCell } from "@/components/ui/time-cell";
import { standingExposure, type HeldGrant } from "@/lib/agents/standing-exposure";

/** The authority the agent holds at `now`: each scope, for whom, until when and through how many grants. */
export function StandingExposureCard({ grants, capped, now }: { grants: HeldGrant[]; capped: boolean; now: number }) {
  const exposure = standingExposure(grants, now);
  const summary =
    exposure.activeGrants === 0
      ? "None: the agent holds no active grant."
      : `${exposure.scopes.length} ${exposure.scopes.length === 1 ? "scope" : "scopes"} through ${exposure.activeGrants}${capped ? "+" : ""} active ${exposure.activeGrants === 1 ? "grant" : "grants"}`;
  return (
    <SectionCard
      title="Standing exposure"
      description={
        exposure.until ? (
          <>
            {summary}, the last until <RelativeTime at={exposure.until} now={now} />.
          </>
        ) : (
          summary
        )
      }
      empty={exposure.activeGrants === 0 && "The agent holds no authority right now."}
    >
      <Table aria-label="Standing exposure">
        <TableHeader>
          <TableRow>
            <TableHead>Scope</TableHead>
            <TableHead>On behalf of</TableHead>
            <TableHead>Until</TableHead>
            <TableHead>Active grants</TableHead>
          </TableRow>
        </TableHeader>
        <tbody>
          {exposure.scopes.map((scope) => (
            <TableRow key={scope.scope}>
              <TableCell className="font-mono text-xs">{scope.scope}</TableCell>
              <TableCell>{scope.onBehalfOf.map((person) => person ?? "itself").join(", ")}</TableCell>
              <TimeCell at={scope.until} now={now} />
              <TableCell className="tabular-nums">{scope.grants}</TableCell>
            </TableRow>
          ))}
        </tbody>
      </Table>
    </SectionCard>
  );
}

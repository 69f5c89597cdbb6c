import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { RequestDetail } from "./request-queries";

/** An audit event's data as short "name: value" lines; text only, whatever the data holds. */
function describe(data: unknown): string[] {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return data === null || data === undefined ? [] : [JSON.stringify(data)];
  return Object.entries(data)
    .filter(([, value]) => value !== null && value !== "" && !(Array.isArray(value) && value.length === 0))
    .map(([name, value]) => `${name}: ${Array.isArray(value) ? value.join(", ") : typeof value === "object" ? JSON.stringify(value) : String(value)}`);
}

export function RequestHistory({ history, now }: { history: RequestDetail["history"]; now: number }) {
  return (
    <Table aria-label="History">
      <TableHeader>
        <TableRow>
          <TableHead>#</TableHead>
          <TableHead>When</TableHead>
          <TableHead>Action</TableHead>
          <TableHead>Actor</TableHead>
          <TableHead>Details</TableHead>
        </TableRow>
      </TableHeader>
      <tbody>
        {history.map((event) => (
          <TableRow key={event.seq}>
            <TableCell className="tabular-nums text-muted-foreground">{event.seq}</TableCell>
            <TableCell className="whitespace-nowrap">
              <RelativeTime at={event.at} now={now} />
            </TableCell>
            <TableCell className="font-mono text-xs">{event.action}</TableCell>
            <TableCell>{event.actor}</TableCell>
            <TableCell className="max-w-md text-xs">
              <ul className="flex flex-col gap-0.5">
                {describe(event.data).map((line) => (
                  <li key={line} className="wrap-break-word">
                    {line}
                  </li>
                ))}
              </ul>
            </TableCell>
          </TableRow>
        ))}
      </tbody>
    </Table>
  );
}

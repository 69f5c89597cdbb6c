import type { ReactNode } from "react";
import { Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { TimeCell } from "@/components/ui/time-cell";

export interface EventColumn<E> {
  header: string;
  className?: string;
  cell: (event: E) => ReactNode;
}

/**
 * Audit events as a table — the sequence number (unless `numbered` is off), when (relative, exact time as
 * title) and the action — followed by the columns each page needs (actor, subject, details…).
 */
export function AuditEventTable<E extends { seq: string; at: string; action: string }>({
  label,
  events,
  now,
  columns,
  numbered = true,
  actionHeader = "Action",
}: {
  label: string;
  events: E[];
  now: number;
  columns: EventColumn<E>[];
  numbered?: boolean;
  actionHeader?: string;
}) {
  return (
    <Table aria-label={label}>
      <TableHeader>
        <TableRow>
          {numbered && <TableHead>#</TableHead>}
          <TableHead>When</TableHead>
          <TableHead>{actionHeader}</TableHead>
          {columns.map((column) => (
            <TableHead key={column.header}>{column.header}</TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <tbody>
        {events.map((event) => (
          <TableRow key={event.seq}>
            {numbered && <TableCell className="tabular-nums text-muted-foreground">{event.seq}</TableCell>}
            <TimeCell at={event.at} now={now} />
            <TableCell className="font-mono text-xs">{event.action}</TableCell>
            {columns.map((column) => (
              <TableCell key={column.header} className={column.className}>
                {column.cell(event)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </tbody>
    </Table>
  );
}

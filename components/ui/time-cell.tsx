import type { ReactNode } from "react";
import { RelativeTime } from "./relative-time";
import { TableCell } from "./table";

/** A table cell with a relative time kept on one line; `missing` stands in where there is no such time. */
export function TimeCell({ at, now, missing }: { at: string | null; now: number; missing?: ReactNode }) {
  return <TableCell className="whitespace-nowrap">{at ? <RelativeTime at={at} now={now} /> : missing}</TableCell>;
}

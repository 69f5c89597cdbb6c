import type { ReactNode } from "react";

/** Stands in, muted, for a value that is not set, so a table column or fact still reads as answered. */
export function NoValue({ children = "—" }: { children?: ReactNode }) {
  return <span className="text-muted-foreground">{children}</span>;
}

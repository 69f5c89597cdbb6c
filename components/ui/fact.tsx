import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

/** One term and its value in a facts grid (`<dl>`); `wide` spans the whole row. */
export function Fact({ term, wide = false, children }: { term: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={cn(wide && "sm:col-span-3")}>
      <dt className="text-xs text-muted-foreground">{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

/** A key to press, as in a keyboard help line. */
export function Kbd({ className, ...props }: ComponentProps<"kbd">) {
  return <kbd className={cn("rounded border bg-card px-1.5 py-px font-mono text-[11px] text-foreground shadow-xs", className)} {...props} />;
}

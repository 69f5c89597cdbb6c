import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

/** A native checkbox, so an unchecked box is simply absent from the posted form. */
export function Checkbox({ className, ...props }: ComponentProps<"input">) {
  return (
    <input
      type="checkbox"
      className={cn("size-4 shrink-0 rounded border-input accent-primary focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring", className)}
      {...props}
    />
  );
}

import { cva, type VariantProps } from "class-variance-authority";
import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

const badgeVariants = cva("inline-flex items-center rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset", {
  variants: {
    tone: {
      neutral: "bg-muted text-foreground ring-border",
      info: "bg-blue-50 text-blue-800 ring-blue-200",
      success: "bg-emerald-50 text-emerald-800 ring-emerald-200",
      warning: "bg-amber-50 text-amber-900 ring-amber-200",
      danger: "bg-red-50 text-red-800 ring-red-200",
    },
  },
  defaultVariants: { tone: "neutral" },
});

export function Badge({ className, tone, ...props }: ComponentProps<"span"> & VariantProps<typeof badgeVariants>) {
  return <span className={cn(badgeVariants({ tone }), className)} {...props} />;
}

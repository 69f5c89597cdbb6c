"use client";
import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";
import { FormField } from "./form-field";

/** The platform select: keyboard, screen readers, autofill and form posts work with no extra code. */
export function Select({ className, ...props }: ComponentProps<"select">) {
  return (
    <select
      className={cn(
        "flex h-9 w-full rounded-md border border-input bg-card px-2.5 text-sm shadow-xs focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring aria-invalid:border-destructive disabled:opacity-50",
        className,
      )}
      {...props}
    />
  );
}

export function SelectField({ label, hint, error, ...props }: ComponentProps<"select"> & { label: string; hint?: string; error?: string }) {
  return (
    <FormField label={label} hint={hint} error={error}>
      {(control) => <Select {...control} {...props} />}
    </FormField>
  );
}

"use client";
import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";
import { FormField } from "./form-field";

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return (
    <textarea
      className={cn(
        "flex min-h-16 w-full rounded-md border border-input bg-card px-3 py-2 text-sm shadow-xs placeholder:text-muted-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring aria-invalid:border-destructive disabled:opacity-50",
        className,
      )}
      {...props}
    />
  );
}

export function TextareaField({ label, hint, error, ...props }: ComponentProps<"textarea"> & { label: string; hint?: string; error?: string }) {
  return (
    <FormField label={label} hint={hint} error={error}>
      {(control) => <Textarea {...control} {...props} />}
    </FormField>
  );
}

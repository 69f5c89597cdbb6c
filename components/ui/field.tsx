"use client";
import type { ComponentProps } from "react";
import { FormField } from "./form-field";
import { Input } from "./input";

/** A labelled input with its error message announced and tied to it by aria-describedby. */
export function Field({ label, error, hint, ...props }: ComponentProps<"input"> & { label: string; error?: string; hint?: string }) {
  return (
    <FormField label={label} error={error} hint={hint}>
      {(control) => <Input {...control} {...props} />}
    </FormField>
  );
}

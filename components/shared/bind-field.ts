import type { FormState } from "@/lib/http/form-action";

/**
 * The props that tie a form control to the last answer of its server action: its name, what the person
 * had typed (so a refused form keeps it) and the field's own error. Spread onto Field, TextareaField,
 * SelectField and the like: `<Field label="Name" {...bindField(state, "name")} />`.
 */
export function bindField(state: FormState, name: string): { name: string; defaultValue: string | undefined; error: string | undefined } {
  return { name, defaultValue: state.values?.[name], error: state.fieldErrors?.[name] };
}

"use client";
import { useRouter } from "next/navigation";
import { openIncidentAction } from "@/app/(app)/incidents/actions";
import { FormDialog } from "@/components/admin/form-dialog";
import type { DialogFormAction } from "@/components/admin/dialog-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select";
import { TextareaField } from "@/components/ui/textarea";
import { bindField } from "@/components/shared/bind-field";

const SEVERITIES = [
  ["SEV1", "SEV1 — critical, customer-facing outage"],
  ["SEV2", "SEV2 — major degradation"],
  ["SEV3", "SEV3 — minor, contained"],
  ["SEV4", "SEV4 — low impact"],
] as const;

/** Opens an incident and goes to its page, where the commander hands out authority. */
export function OpenIncidentDialog() {
  const router = useRouter();
  const open: DialogFormAction<{ incidentId: string }> = async (previous, formData) => {
    const state = await openIncidentAction(previous, formData);
    if (state.ok && state.incidentId) router.push(`/incidents/${state.incidentId}`);
    return state;
  };
  return (
    <FormDialog<{ incidentId: string }>
      trigger={<Button>Open incident</Button>}
      title="Open incident"
      description="You become its commander unless you name another. Grants bound to it end when it is resolved."
      submitLabel="Open incident"
      action={open}
      fields={(state) => (
        <>
          <Field label="Title" name="title" required autoComplete="off" defaultValue={state.values?.title} error={state.fieldErrors?.title} />
          <SelectField label="Severity" name="severity" defaultValue={state.values?.severity ?? "SEV2"} error={state.fieldErrors?.severity}>
            {SEVERITIES.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectField>
          <TextareaField label="Description" name="description" rows={2} defaultValue={state.values?.description} error={state.fieldErrors?.description} />
          <Field label="Commander email" type="email" autoComplete="off" {...bindField(state, "commanderEmail")} hint="Leave empty to command it yourself." />
        </>
      )}
    />
  );
}

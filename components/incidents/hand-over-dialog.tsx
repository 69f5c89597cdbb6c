"use client";
import { useQueryClient } from "@tanstack/react-query";
import { handOverIncidentAction } from "@/app/(app)/incidents/actions";
import { FormDialog } from "@/components/admin/form-dialog";
import type { DialogFormAction } from "@/components/admin/dialog-form";
import { queryKeys } from "@/components/live/query-keys";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select";
import { TextareaField } from "@/components/ui/textarea";
import { type IncidentDetail } from "./incident-queries";
import { bindField } from "@/components/shared/bind-field";

/** Passes command to another commander or admin; what was granted stays bound to the incident. */
export function HandOverDialog({ incidentId, commanders }: { incidentId: string; commanders: IncidentDetail["commanders"] }) {
  const queryClient = useQueryClient();
  // Refetched before the dialog closes, so the page already names the new commander.
  const handOver: DialogFormAction<object> = async (previous, formData) => {
    const state = await handOverIncidentAction(previous, formData);
    if (state.ok) await queryClient.invalidateQueries({ queryKey: queryKeys.incident(incidentId) });
    return state;
  };
  return (
    <FormDialog
      trigger={
        <Button
          variant="outline"
          disabled={commanders.length === 0}
          title={commanders.length === 0 ? "There is no other active commander or admin" : undefined}
        >
          Hand over command
        </Button>
      }
      title="Hand over command"
      description="The new commander grants authority for this incident and resolves it from now on. Grants already made stay bound to it and end when it resolves."
      submitLabel="Hand over"
      action={handOver}
      fields={(state) => (
        <>
          <input type="hidden" name="incidentId" value={incidentId} />
          <SelectField
            label="New commander"
            name="commanderEmail"
            required
            defaultValue={state.values?.commanderEmail ?? ""}
            error={state.fieldErrors?.commanderEmail}
          >
            <option value="" disabled>
              Choose a commander or admin
            </option>
            {commanders.map((person) => (
              <option key={person.id} value={person.email}>
                {person.name} ({person.email})
              </option>
            ))}
          </SelectField>
          <TextareaField label="Note" rows={2} maxLength={500} {...bindField(state, "note")} hint="Optional; kept in the audit log." />
        </>
      )}
    />
  );
}

"use client";
import { setOnCallAction } from "@/app/(app)/groups/actions";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import type { GroupDto } from "@/lib/groups/schemas";
import { onCallField } from "@/lib/on-call/form-schemas";
import { FormDialog } from "./form-dialog";

/** Who of a group's members is on call, for how long; replaces what was set before (by a person or an incident tool). */
export function OnCallDialog({ group, onCallIds }: { group: GroupDto; onCallIds: readonly string[] }) {
  return (
    <FormDialog
      trigger={
        <Button variant="outline" size="sm" aria-label={`Set on call for ${group.name}`}>
          Set on call
        </Button>
      }
      title={`On call for ${group.name}`}
      description="Policies can route to, or allow while, the group's on-call people. An incident tool connected by webhook may change this too."
      submitLabel="Save on call"
      action={setOnCallAction}
      fields={(state) => (
        <>
          <input type="hidden" name="id" value={group.id} />
          <fieldset className="flex flex-col gap-1.5">
            <legend className="mb-1.5 text-sm font-medium">Members on call</legend>
            {group.members.length === 0 ? (
              <p className="text-sm text-muted-foreground">The group has no members; only members can be on call.</p>
            ) : (
              <ul className="flex max-h-64 flex-col divide-y overflow-y-auto rounded-md border">
                {group.members.map((member) => (
                  <li key={member.id}>
                    <label className="flex items-center gap-2.5 px-3 py-2 text-sm">
                      <Checkbox
                        name={onCallField(member.id)}
                        defaultChecked={state.values ? state.values[onCallField(member.id)] === "on" : onCallIds.includes(member.id)}
                      />
                      <span>
                        {member.name} <span className="text-muted-foreground">{member.email}</span>
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            )}
            {state.fieldErrors?.userIds && <p className="text-xs text-destructive">{state.fieldErrors.userIds}</p>}
          </fieldset>
          <Field
            label="For how long"
            name="forDuration"
            autoComplete="off"
            defaultValue={state.values?.forDuration ?? ""}
            error={state.fieldErrors?.forDuration}
            hint="Such as 8 h or 7 d; leave empty for until changed again."
          />
        </>
      )}
    />
  );
}

"use client";
import { createGroupAction } from "@/app/(app)/groups/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { TextareaField } from "@/components/ui/textarea";
import { FormDialog } from "./form-dialog";
import { bindField } from "@/components/shared/bind-field";

export function CreateGroupDialog() {
  return (
    <FormDialog
      trigger={<Button>New group</Button>}
      title="New approver group"
      description="The people who decide requests for the scopes assigned to this group."
      submitLabel="Create group"
      action={createGroupAction}
      fields={(state) => (
        <>
          <Field
            label="Name"
            required
            autoComplete="off"
            {...bindField(state, "name")}
            hint="Lower-case letters, digits, '.', '_' or '-', such as platform-approvers."
          />
          <TextareaField label="Description" name="description" rows={2} defaultValue={state.values?.description} error={state.fieldErrors?.description} />
          <TextareaField
            label="Member emails"
            rows={4}
            {...bindField(state, "memberEmails")}
            hint="One per line or separated by commas. Each must be an active Baton user."
          />
        </>
      )}
    />
  );
}

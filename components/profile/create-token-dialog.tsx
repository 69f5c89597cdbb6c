"use client";
import { createPersonalTokenAction } from "@/app/(app)/profile/actions";
import { FormDialog } from "@/components/admin/form-dialog";
import { ShownOnce } from "@/components/users/shown-once";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select";
import type { CreatedTokenFormState } from "@/lib/tokens/form-schemas";

const DAY = 86_400;
const LIFETIMES = [
  { seconds: String(30 * DAY), label: "In 30 days" },
  { seconds: String(7 * DAY), label: "In 7 days" },
  { seconds: String(90 * DAY), label: "In 90 days" },
  { seconds: String(365 * DAY), label: "In 1 year" },
  { seconds: "", label: "Never" },
];

const showToken = (state: CreatedTokenFormState) =>
  state.createdToken && (
    <ShownOnce
      label="New personal token"
      value={state.createdToken}
      notice="Store this token now; it is not shown again."
      usage={
        <>
          Send it as <code className="font-mono">Authorization: Bearer …</code>, or set it as <code className="font-mono">BATON_TOKEN</code> for the CLI. It acts as you, with your role.
        </>
      }
    />
  );

export function CreateTokenDialog() {
  return (
    <FormDialog<{ createdToken: string }>
      trigger={<Button size="sm">Create token</Button>}
      title="Create personal token"
      description="A token for scripts and the CLI that acts as you. Baton keeps only its hash."
      submitLabel="Create token"
      action={createPersonalTokenAction}
      result={showToken}
      fields={(state) => (
        <>
          <Field label="Name" name="name" required autoComplete="off" defaultValue={state.values?.name} error={state.fieldErrors?.name} hint="Where it is used, such as laptop CLI or nightly report." />
          <SelectField label="Expires" name="expiresInSeconds" defaultValue={state.values?.expiresInSeconds ?? String(30 * DAY)} error={state.fieldErrors?.expiresInSeconds}>
            {LIFETIMES.map((lifetime) => (
              <option key={lifetime.seconds} value={lifetime.seconds}>
                {lifetime.label}
              </option>
            ))}
          </SelectField>
        </>
      )}
    />
  );
}

"use client";
import { Loader2Icon } from "lucide-react";
import { startTransition, useActionState, type FormEvent, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import type { FormState } from "@/lib/http/form-action";

/** Form state plus whatever else an action answers with (a new key, for instance). */
export type DialogFormState<Extra extends object> = FormState & Partial<Extra>;
export type DialogFormAction<Extra extends object> = (previous: DialogFormState<Extra>, formData: FormData) => Promise<DialogFormState<Extra>>;

/**
 * The form inside a dialog: errors in an Alert, fields from `fields(state)` so they can show their own
 * errors and keep what was typed, and `onSucceeded` once the action reports success (to close the
 * dialog, or to show what the action returned).
 */
export function DialogForm<Extra extends object>({
  action,
  fields,
  submitLabel,
  destructive = false,
  cancel,
  onSucceeded,
}: {
  action: DialogFormAction<Extra>;
  fields?: (state: DialogFormState<Extra>) => ReactNode;
  submitLabel: string;
  destructive?: boolean;
  cancel: ReactNode;
  onSucceeded: (state: DialogFormState<Extra>) => void;
}) {
  // Every field of a form state is optional, so {} is a valid start; TypeScript cannot see that through Awaited<> of a generic.
  const [state, dispatch, pending] = useActionState(
    async (previous: DialogFormState<Extra>, formData: FormData) => {
      const next = await action(previous, formData);
      if (next.ok) onSucceeded(next);
      return next;
    },
    {} as Awaited<DialogFormState<Extra>>,
  );
  // Submitted by hand rather than through `action`, so React does not reset the form after a refusal: a
  // reset lands a moment after the errors show, wiping anything typed in between (and dialogs need
  // JavaScript anyway). What was typed simply stays.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => dispatch(formData));
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      {state.message && <Alert>{state.message}</Alert>}
      {fields?.(state)}
      <DialogFooter>
        {cancel}
        <Button type="submit" variant={destructive ? "destructive" : "default"} disabled={pending} aria-busy={pending}>
          {pending && <Loader2Icon className="size-4 animate-spin" aria-hidden />}
          {submitLabel}
        </Button>
      </DialogFooter>
    </form>
  );
}

"use client";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { DialogForm, type DialogFormAction, type DialogFormState } from "./dialog-form";

interface FormDialogProps<Extra extends object> {
  trigger: ReactNode;
  title: string;
  description: ReactNode;
  submitLabel: string;
  action: DialogFormAction<Extra>;
  fields?: (state: DialogFormState<Extra>) => ReactNode;
  /** Shown instead of closing once the action succeeds: something the person must act on now, such as a new secret. */
  result?: (state: DialogFormState<Extra>) => ReactNode;
  wide?: boolean;
}

/** A button that opens a form in a dialog. Closing the dialog unmounts the form, so nothing it held survives. */
export function FormDialog<Extra extends object = object>({ trigger, title, description, wide, ...body }: FormDialogProps<Extra>) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      {/* A stray click outside must not throw away what was typed, or a key not yet copied. */}
      <DialogContent className={wide ? "max-w-2xl" : undefined} onInteractOutside={(event) => event.preventDefault()}>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <FormDialogBody {...body} close={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}

function FormDialogBody<Extra extends object>({
  submitLabel,
  action,
  fields,
  result,
  close,
}: Omit<FormDialogProps<Extra>, "trigger" | "title" | "description" | "wide"> & { close: () => void }) {
  const [succeeded, setSucceeded] = useState<DialogFormState<Extra> | null>(null);
  const shown = succeeded && result?.(succeeded);
  if (shown)
    return (
      <>
        {shown}
        <DialogFooter>
          <DialogClose asChild>
            <Button>Done</Button>
          </DialogClose>
        </DialogFooter>
      </>
    );
  return (
    <DialogForm
      action={action}
      fields={fields}
      submitLabel={submitLabel}
      onSucceeded={(state) => (result?.(state) ? setSucceeded(state) : close())}
      cancel={
        <DialogClose asChild>
          <Button type="button" variant="outline">
            Cancel
          </Button>
        </DialogClose>
      }
    />
  );
}

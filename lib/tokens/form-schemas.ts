import { z } from "zod";
import { idOf } from "@/lib/kernel/common-schemas";
import type { FormState } from "@/lib/http/form-action";
import { createPersonalTokenInput } from "./schemas";

/** The new token travels back once, in the form state of the form that asked for it. */
export type CreatedTokenFormState = FormState & { createdToken?: string };

export const createPersonalTokenForm = z.object({
  name: createPersonalTokenInput.shape.name,
  expiresInSeconds: z
    .string()
    .transform((seconds) => (seconds ? Number(seconds) : undefined))
    .pipe(createPersonalTokenInput.shape.expiresInSeconds),
});

export const revokePersonalTokenForm = z.object({ tokenId: idOf("pat") });

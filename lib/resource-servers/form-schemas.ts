import { z } from "zod";
import type { FormState } from "@/lib/http/form-action";
import { createResourceServerBody, resourceServerParams, revokeResourceServerBody, rotateResourceServerSecretBody } from "./schemas";

/** The create action answers with the new secret once, in the form state; Baton keeps only its hash. */
export type CreatedResourceServerFormState = FormState & { issuedSecret?: string };

export const createResourceServerForm = z.object(createResourceServerBody.shape);

export const rotateResourceServerSecretForm = resourceServerParams.extend({
  overlapSeconds: z.coerce.number().pipe(rotateResourceServerSecretBody.unwrap().shape.overlapSeconds.unwrap()),
});

export const revokeResourceServerForm = resourceServerParams.extend(revokeResourceServerBody.shape);

import { z } from "zod";
import type { FormState } from "@/lib/http/form-action";
import { agentKeyParams, agentParams } from "./route-params";
import { tagListText } from "@/lib/kernel/common-schemas";
import { createAgentBody, createAgentKeyBody, disableAgentBody, rotateAgentKeyBody } from "./schemas";

// Forms post flat strings. These schemas convert only what a form cannot say directly and parse the
// rest with the admin API's own field schemas, so the pages and the API accept the same things.

/** A key action answers with the new secret once, in the form state; Baton keeps only its hash. */
export type IssuedKeyFormState = FormState & { issuedKey?: string };

const ELIGIBLE_SCOPE_FIELD = "eligibleScope:";

/** One checkbox per catalog scope: formAction reads FormData as an object, where repeated names would collapse. */
export const eligibleScopeField = (scopeKey: string) => `${ELIGIBLE_SCOPE_FIELD}${scopeKey}`;

export const registerAgentForm = z.preprocess(
  (form: Record<string, unknown>) => ({
    ...form,
    eligibleScopes: Object.keys(form)
      .filter((field) => field.startsWith(ELIGIBLE_SCOPE_FIELD))
      .map((field) => field.slice(ELIGIBLE_SCOPE_FIELD.length)),
  }),
  z.object({ ...createAgentBody.shape, tags: z.preprocess((text) => text ?? "", tagListText) }),
);

const agentId = agentParams.shape.id;
const keyId = agentKeyParams.shape.keyId;

export const issueAgentKeyForm = z.object({
  agentId,
  expiresInSeconds: z
    .string()
    .transform((seconds) => (seconds ? Number(seconds) : undefined))
    .pipe(createAgentKeyBody.unwrap().shape.expiresInSeconds),
});

export const rotateAgentKeyForm = z.object({
  agentId,
  keyId,
  overlapSeconds: z.coerce.number().pipe(rotateAgentKeyBody.unwrap().shape.overlapSeconds.unwrap()),
});

export const agentTagsForm = z.object({ agentId, tags: tagListText });

export const revokeAgentKeyForm = z.object({ agentId, keyId });

export const disableAgentForm = z.object({
  agentId,
  reason: z
    .string()
    .transform((reason) => reason.trim() || undefined)
    .pipe(disableAgentBody.unwrap().shape.reason),
});

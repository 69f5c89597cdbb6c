import { z } from "zod";
import { parseDuration } from "@/lib/kernel/duration";
import type { FormState } from "@/lib/http/form-action";
import {
  createIntegrationBody,
  grantAuthorityBody,
  handOverIncidentBody,
  incidentParams,
  integrationIdParams,
  openIncidentBody,
  resolveIncidentBody,
  revokeIntegrationBody,
} from "./schemas";

// Forms post flat strings: these convert what a form cannot say directly (an empty optional field, a
// written duration, one checkbox per scope) and parse the rest with the API's own field schemas.

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);
const incidentId = incidentParams.shape.id;

export const openIncidentForm = z.object({
  title: openIncidentBody.shape.title,
  description: z.preprocess(emptyAsUndefined, openIncidentBody.shape.description),
  severity: openIncidentBody.shape.severity,
  commanderEmail: z.preprocess(emptyAsUndefined, openIncidentBody.shape.commanderEmail),
});

export const handOverIncidentForm = z.object({
  incidentId,
  commanderEmail: handOverIncidentBody.shape.commanderEmail,
  note: z.preprocess(emptyAsUndefined, handOverIncidentBody.shape.note),
});

export const revokeIntegrationForm = integrationIdParams.extend(revokeIntegrationBody.shape);

export const resolveIncidentForm = z.object({ incidentId, note: z.preprocess(emptyAsUndefined, resolveIncidentBody.unwrap().shape.note) });

const GRANT_SCOPE_FIELD = "grantScope:";
/** One checkbox per eligible scope: formAction reads FormData as an object, where repeated names would collapse. */
export const grantScopeField = (scopeKey: string) => `${GRANT_SCOPE_FIELD}${scopeKey}`;

export const grantAuthorityForm = z.preprocess(
  (form: Record<string, unknown>) => ({
    ...form,
    scopes: Object.keys(form)
      .filter((field) => field.startsWith(GRANT_SCOPE_FIELD))
      .map((field) => field.slice(GRANT_SCOPE_FIELD.length)),
  }),
  z.object({
    incidentId,
    agentId: grantAuthorityBody.shape.agentId,
    scopes: grantAuthorityBody.shape.scopes,
    duration: z
      .string()
      .transform((text, context) => {
        // The dialog's duration control posts seconds; a written duration ("1 h 30 min") is read too.
        const seconds = parseDuration(text, { bareSeconds: true });
        if (seconds === null) context.addIssue({ code: "custom", message: "write a duration such as 15 min or 1 h" });
        return seconds ?? z.NEVER;
      })
      .pipe(grantAuthorityBody.shape.durationSeconds),
    reason: grantAuthorityBody.shape.reason,
  }),
);

export const createIntegrationForm = z.object(createIntegrationBody.shape);

export type CreatedIntegrationFormState = FormState & { webhookSecret?: string; credential?: string; webhookPath?: string };
export type GrantedAuthorityFormState = FormState & { awaitingSecondApproval?: string };

"use server";
import { mayAdminister, mayCommandIncidents } from "@/lib/authorization/rules";
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/http/form-action";
import { createIncidentIntegration } from "@/lib/incidents/create-incident-integration";
import {
  createIntegrationForm,
  grantAuthorityForm,
  handOverIncidentForm,
  openIncidentForm,
  resolveIncidentForm,
  revokeIntegrationForm,
  type CreatedIntegrationFormState,
  type GrantedAuthorityFormState,
} from "@/lib/incidents/form-schemas";
import { grantIncidentAuthority } from "@/lib/incidents/grant-incident-authority";
import { handOverIncident } from "@/lib/incidents/hand-over-incident";
import { openIncident } from "@/lib/incidents/open-incident";
import { resolveIncident } from "@/lib/incidents/resolve-incident";
import { revokeIncidentIntegration } from "@/lib/incidents/revoke-incident-integration";
import type { FormState } from "@/lib/http/form-action";

// The domain functions decide who may do what; the door rule here only spares the others a round trip.
type OpenAction = (previous: FormState & { incidentId?: string }, formData: FormData) => Promise<FormState & { incidentId?: string }>;
export const openIncidentAction: OpenAction = formAction({ access: "signed-in", allow: mayCommandIncidents, schema: openIncidentForm }, async (input, user) => {
  const incident = await openIncident({ principal: user, input });
  revalidatePath("/incidents");
  return { ok: true, incidentId: incident.id };
});

export const resolveIncidentAction = formAction(
  { access: "signed-in", allow: mayCommandIncidents, schema: resolveIncidentForm },
  async ({ incidentId, note }, user) => {
    await resolveIncident({ principal: user, incidentId, note });
    revalidatePath(`/incidents/${incidentId}`);
  },
);

export const handOverIncidentAction = formAction(
  { access: "signed-in", allow: mayCommandIncidents, schema: handOverIncidentForm },
  async ({ incidentId, commanderEmail, note }, user) => {
    await handOverIncident({ principal: user, incidentId, input: { commanderEmail, note } });
    revalidatePath(`/incidents/${incidentId}`);
  },
);

type GrantAction = (previous: GrantedAuthorityFormState, formData: FormData) => Promise<GrantedAuthorityFormState>;
export const grantIncidentAuthorityAction: GrantAction = formAction(
  { access: "signed-in", allow: mayCommandIncidents, schema: grantAuthorityForm },
  async ({ incidentId, agentId, scopes, duration, reason }, user) => {
    const granted = await grantIncidentAuthority({ principal: user, incidentId, input: { agentId, scopes, durationSeconds: duration, reason } });
    revalidatePath(`/incidents/${incidentId}`);
    return { ok: true, awaitingSecondApproval: granted.requestId ?? undefined };
  },
);

type CreateIntegrationAction = (previous: CreatedIntegrationFormState, formData: FormData) => Promise<CreatedIntegrationFormState>;
export const createIntegrationAction: CreateIntegrationAction = formAction(
  { access: "signed-in", allow: mayAdminister, schema: createIntegrationForm },
  async (input, user) => {
    const created = await createIncidentIntegration({ principal: user, input });
    revalidatePath("/incidents");
    return { ok: true, webhookSecret: created.webhookSecret, credential: created.credential, webhookPath: created.webhookPath };
  },
);

export const revokeIntegrationAction = formAction(
  { access: "signed-in", allow: mayAdminister, schema: revokeIntegrationForm },
  async ({ id, reason }, user) => {
    await revokeIncidentIntegration({ principal: user, integrationId: id, input: { reason } });
    revalidatePath("/incidents");
  },
);

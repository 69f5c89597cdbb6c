"use server";
import { mayAdminister } from "@/lib/authorization/rules";
import { revalidatePath } from "next/cache";
import { disableAgent } from "@/lib/agents/disable-agent";
import { agentTagsForm, disableAgentForm, issueAgentKeyForm, revokeAgentKeyForm, rotateAgentKeyForm, type IssuedKeyFormState } from "@/lib/agents/form-schemas";
import { issueAgentKey } from "@/lib/agents/issue-agent-key";
import { revokeAgentKey } from "@/lib/agents/revoke-agent-key";
import { rotateAgentKey } from "@/lib/agents/rotate-agent-key";
import { updateAgent } from "@/lib/agents/update-agent";
import { formAction } from "@/lib/http/form-action";
import { addFederatedIdentity } from "@/lib/workload-identity/add-federated-identity";
import { createWorkloadIssuer } from "@/lib/workload-identity/create-workload-issuer";
import { addFederatedIdentityForm, agentFederationForm, registerWorkloadIssuerForm, removeFederatedIdentityForm } from "@/lib/workload-identity/form-schemas";
import { removeFederatedIdentity } from "@/lib/workload-identity/remove-federated-identity";
import { setAgentFederation } from "@/lib/workload-identity/set-agent-federation";

// formAction passes the handler's state through untouched, so the new key reaches the form that asked for it.
type KeyAction = (previous: IssuedKeyFormState, formData: FormData) => Promise<IssuedKeyFormState>;

export const issueAgentKeyAction: KeyAction = formAction(
  { access: "signed-in", allow: mayAdminister, schema: issueAgentKeyForm },
  async ({ agentId, expiresInSeconds }, user) => {
    const issued = await issueAgentKey({ principal: user, agentId, expiresInSeconds });
    revalidatePath(`/agents/${agentId}`);
    return { ok: true, issuedKey: issued.key };
  },
);

export const rotateAgentKeyAction: KeyAction = formAction(
  { access: "signed-in", allow: mayAdminister, schema: rotateAgentKeyForm },
  async ({ agentId, keyId, overlapSeconds }, user) => {
    const issued = await rotateAgentKey({ principal: user, agentId, keyId, overlapSeconds });
    revalidatePath(`/agents/${agentId}`);
    return { ok: true, issuedKey: issued.key };
  },
);

export const revokeAgentKeyAction = formAction({ access: "signed-in", allow: mayAdminister, schema: revokeAgentKeyForm }, async ({ agentId, keyId }, user) => {
  await revokeAgentKey({ principal: user, agentId, keyId });
  revalidatePath(`/agents/${agentId}`);
});

export const disableAgentAction = formAction({ access: "signed-in", allow: mayAdminister, schema: disableAgentForm }, async ({ agentId, reason }, user) => {
  await disableAgent({ principal: user, agentId, reason });
  revalidatePath(`/agents/${agentId}`);
  revalidatePath("/agents");
});

export const setAgentTagsAction = formAction({ access: "signed-in", allow: mayAdminister, schema: agentTagsForm }, async ({ agentId, tags }, user) => {
  await updateAgent({ principal: user, agentId, input: { tags } });
  revalidatePath(`/agents/${agentId}`);
  revalidatePath("/agents");
});
export const registerWorkloadIssuerAction = formAction(
  { access: "signed-in", allow: mayAdminister, schema: registerWorkloadIssuerForm },
  async ({ agentId, ...input }, user) => {
    await createWorkloadIssuer({ principal: user, input });
    revalidatePath(`/agents/${agentId}`);
  },
);

export const addFederatedIdentityAction = formAction(
  { access: "signed-in", allow: mayAdminister, schema: addFederatedIdentityForm },
  async ({ agentId, ...input }, user) => {
    await addFederatedIdentity({ principal: user, agentId, input });
    revalidatePath(`/agents/${agentId}`);
  },
);

export const removeFederatedIdentityAction = formAction(
  { access: "signed-in", allow: mayAdminister, schema: removeFederatedIdentityForm },
  async ({ agentId, identityId }, user) => {
    await removeFederatedIdentity({ principal: user, agentId, identityId });
    revalidatePath(`/agents/${agentId}`);
  },
);

export const setAgentFederationAction = formAction(
  { access: "signed-in", allow: mayAdminister, schema: agentFederationForm },
  async ({ agentId, requireFederation }, user) => {
    await setAgentFederation({ principal: user, agentId, requireFederation });
    revalidatePath(`/agents/${agentId}`);
  },
);

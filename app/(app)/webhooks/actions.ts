"use server";
import { mayAdminister } from "@/lib/authorization/rules";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/http/form-action";
import { deliverSoon } from "@/lib/jobs/running-job-runner";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { deleteWebhookEndpoint } from "@/lib/webhooks/delete-webhook-endpoint";
import { createWebhookForm, updateWebhookForm, webhookIdForm, type CreatedWebhookFormState } from "@/lib/webhooks/form-schemas";
import { sendTestEvent } from "@/lib/webhooks/send-test-event";
import { updateWebhookEndpoint } from "@/lib/webhooks/update-webhook-endpoint";

const admin = { access: "signed-in", allow: mayAdminister } as const;

// formAction passes the handler's state through untouched, so the new secret reaches the form that asked for it.
type CreateAction = (previous: CreatedWebhookFormState, formData: FormData) => Promise<CreatedWebhookFormState>;

export const createWebhookAction: CreateAction = formAction({ ...admin, schema: createWebhookForm }, async (input, user) => {
  const created = await createWebhookEndpoint({ principal: user, input });
  revalidatePath("/webhooks");
  return { ok: true, issuedSecret: created.secret };
});

export const updateWebhookAction = formAction({ ...admin, schema: updateWebhookForm }, async ({ id, enabled, ...input }, user) => {
  await updateWebhookEndpoint({ principal: user, endpointId: id, input: { ...input, disabled: enabled !== "on" } });
  revalidatePath(`/webhooks/${id}`);
  revalidatePath("/webhooks");
});

export const deleteWebhookAction = formAction({ ...admin, schema: webhookIdForm }, async ({ id }, user) => {
  await deleteWebhookEndpoint({ principal: user, endpointId: id });
  revalidatePath("/webhooks");
  redirect("/webhooks");
});

export const sendTestEventAction = formAction({ ...admin, schema: webhookIdForm }, async ({ id }, user) => {
  const delivery = await sendTestEvent({ principal: user, endpointId: id });
  await deliverSoon([delivery.id]);
  revalidatePath(`/webhooks/${id}`);
  return { ok: true, message: "Test event queued: its delivery appears in the log below." };
});

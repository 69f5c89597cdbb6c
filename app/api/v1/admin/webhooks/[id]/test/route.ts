import { z } from "zod";
import { apiRoute, json } from "@/lib/http/api-route";
import { deliverSoon } from "@/lib/jobs/running-job-runner";
import { webhookEndpointIdSchema } from "@/lib/webhooks/schemas";
import { sendTestEvent } from "@/lib/webhooks/send-test-event";

export const POST = apiRoute({ caller: "admin", params: z.object({ id: webhookEndpointIdSchema }) }, async ({ caller, params }) => {
  const delivery = await sendTestEvent({ principal: caller, endpointId: params.id });
  await deliverSoon([delivery.id]);
  return json(delivery, 202);
});

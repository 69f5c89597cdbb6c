import { route } from "@/lib/api/route-table";
import { apiRoute, json } from "@/lib/http/api-route";
import { deliverSoon } from "@/lib/jobs/running-job-runner";
import { sendTestEvent } from "@/lib/webhooks/send-test-event";

export const POST = apiRoute(route("post", "/api/v1/admin/webhooks/{id}/test"), async ({ caller, params }) => {
  const delivery = await sendTestEvent({ principal: caller, endpointId: params.id });
  await deliverSoon([delivery.id]);
  return json(delivery, 202);
});

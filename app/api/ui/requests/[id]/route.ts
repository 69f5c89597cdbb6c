import { getRequestDetail } from "@/lib/approvals/get-request-detail";
import { notFound } from "@/lib/kernel/errors";
import { json } from "@/lib/http/api-route";
import { sessionRoute } from "@/lib/http/session-route";
import { requestParams } from "@/lib/requests/schemas";

export const dynamic = "force-dynamic";

export const GET = sessionRoute({ params: requestParams }, async ({ principal, params }) => {
  const detail = await getRequestDetail({ principal, requestId: params.id });
  if (!detail) throw notFound("The access request");
  return json(detail);
});

import { notFound } from "@/lib/kernel/errors";
import { getGrantDetail } from "@/lib/grants/get-grant-detail";
import { json } from "@/lib/http/api-route";
import { sessionRoute } from "@/lib/http/session-route";
import { grantParams } from "@/lib/grants/schemas";

export const dynamic = "force-dynamic";

export const GET = sessionRoute({ params: grantParams }, async ({ principal, params }) => {
  const detail = await getGrantDetail({ principal, grantId: params.id });
  if (!detail) throw notFound("The grant");
  return json(detail);
});

import { z } from "zod";
import { getRequestDetail } from "@/lib/approvals/get-request-detail";
import { notFound } from "@/lib/errors";
import { json } from "@/lib/http/api-route";
import { sessionRoute } from "@/lib/http/session-route";

export const dynamic = "force-dynamic";

export const GET = sessionRoute({ params: z.object({ id: z.string().max(64) }) }, async ({ user, params }) => {
  const detail = await getRequestDetail({ viewer: { userId: user.id, role: user.role }, requestId: params.id });
  if (!detail) throw notFound("The access request");
  return json(detail);
});

import { json } from "@/lib/http/api-route";
import { sessionRoute } from "@/lib/http/session-route";
import { getTimeToApprove } from "@/lib/overview/get-time-to-approve";
import { timeToApproveQuery } from "@/lib/overview/time-to-approve-scale";

export const dynamic = "force-dynamic";

export const GET = sessionRoute({ query: timeToApproveQuery }, async ({ query }) => json(await getTimeToApprove({ range: query.range })));

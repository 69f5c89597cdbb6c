import { listGrantsQuery } from "@/lib/grants/schemas";
import { listGrants } from "@/lib/grants/list-grants";
import { json } from "@/lib/http/api-route";
import { sessionRoute } from "@/lib/http/session-route";

export const dynamic = "force-dynamic";

export const GET = sessionRoute({}, async ({ request }) => {
  const { status } = listGrantsQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return json(await listGrants({ status }));
});

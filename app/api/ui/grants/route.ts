import { grantSearchQuery } from "@/lib/grants/schemas";
import { listGrants } from "@/lib/grants/list-grants";
import { json } from "@/lib/http/api-route";
import { sessionRoute } from "@/lib/http/session-route";

export const dynamic = "force-dynamic";

export const GET = sessionRoute({ query: grantSearchQuery }, async ({ query }) => json(await listGrants({ search: query })));

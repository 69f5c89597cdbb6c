import { listInbox } from "@/lib/approvals/list-inbox";
import { json } from "@/lib/http/api-route";
import { sessionRoute } from "@/lib/http/session-route";

export const dynamic = "force-dynamic";

export const GET = sessionRoute({}, async ({ principal }) => json(await listInbox({ principal })));

import { listInbox } from "@/lib/approvals/list-inbox";
import { json } from "@/lib/http/api-route";
import { sessionRoute } from "@/lib/http/session-route";

export const dynamic = "force-dynamic";

export const GET = sessionRoute({}, async ({ user }) => json(await listInbox({ viewer: { userId: user.id, role: user.role }, signedInAt: user.authTime })));

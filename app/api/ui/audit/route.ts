import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { auditPageQuery } from "@/lib/audit/schemas";
import { json } from "@/lib/http/api-route";
import { sessionRoute } from "@/lib/http/session-route";

export const dynamic = "force-dynamic";

export const GET = sessionRoute({ query: auditPageQuery }, async ({ principal, query }) => json(await listAuditEvents({ principal, query })));

import { route } from "@/lib/api/route-table";
import { json } from "@/lib/http/api-route";
import { problemResponse } from "@/lib/http/problem";
import { readCappedBody } from "@/lib/http/read-json-body";
import { receiveIncidentWebhook } from "@/lib/incidents/receive-incident-webhook";

const spec = route("post", "/api/v1/hooks/incidents/{integration}");

/** Authenticated by its Standard Webhooks signature rather than a bearer credential, so not through apiRoute. */
export async function POST(request: Request, context: { params: Promise<Record<string, string | string[]>> }): Promise<Response> {
  try {
    const { integration } = spec.params.parse(await context.params);
    return json(await receiveIncidentWebhook({ integrationSlug: integration, headers: request.headers, body: await readCappedBody(request) }));
  } catch (error) {
    return problemResponse(error);
  }
}

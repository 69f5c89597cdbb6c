import { buildOpenApiDocument } from "@/lib/api/build-openapi-document";
import { env } from "@/lib/env";

// BATON_PUBLIC_URL is read when the server runs, not when it is built.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json(buildOpenApiDocument({ serverUrl: env().BATON_PUBLIC_URL }), { headers: { "Cache-Control": "public, max-age=60" } });
}

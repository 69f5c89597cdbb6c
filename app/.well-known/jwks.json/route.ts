import { listPublishedKeys } from "@/lib/signing-keys/list-published-keys";

export const dynamic = "force-dynamic";

/** Public: resource servers verify grant tokens with these keys. A rotated key stays here for its overlap, longer than this cache. */
export async function GET() {
  return Response.json(await listPublishedKeys(), { headers: { "Cache-Control": "public, max-age=300" } });
}

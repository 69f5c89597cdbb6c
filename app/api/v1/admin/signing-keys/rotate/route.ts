import { route } from "@/lib/api/route-table";
import { apiRoute, json } from "@/lib/http/api-route";
import { rotateSigningKeys } from "@/lib/signing-keys/rotate-signing-keys";

export const POST = apiRoute(route("post", "/api/v1/admin/signing-keys/rotate"), async ({ caller, body, clock }) =>
  json(await rotateSigningKeys({ principal: caller, overlapSeconds: body.overlapSeconds, clock }), 201),
);

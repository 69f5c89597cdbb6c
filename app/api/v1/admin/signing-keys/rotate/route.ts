import { apiRoute, json } from "@/lib/http/api-route";
import { rotateSigningKeys } from "@/lib/signing-keys/rotate-signing-keys";
import { rotateSigningKeysBody } from "@/lib/signing-keys/schemas";

export const POST = apiRoute({ caller: "admin", body: rotateSigningKeysBody }, async ({ caller, body, clock }) =>
  json(await rotateSigningKeys({ principal: caller, overlapSeconds: body.overlapSeconds, clock }), 201),
);

import { z } from "zod";

/** RFC 9068 access tokens: the `typ` header tells them apart from ID tokens and other JWTs. */
export const GRANT_TOKEN_TYPE = "at+jwt";
/** The only algorithm Baton signs with or accepts: Ed25519. Never `none`, never one the token picks. */
export const GRANT_TOKEN_ALGORITHM = "EdDSA";
/** A token never outlives five minutes (nor its grant): a resource server that caches one acts on a state at most this old. */
export const MAX_GRANT_TOKEN_SECONDS = 300;
/** Longer than any token Baton issues, so an absurd string is refused before any parsing. */
export const MAX_GRANT_TOKEN_LENGTH = 8192;

/** The payload of a grant token, checked after its signature: anything else Baton did not issue. */
export const grantTokenClaimsSchema = z.object({
  iss: z.string(),
  sub: z.string(),
  aud: z.string(),
  scope: z.string(),
  jti: z.string(),
  grant_id: z.string(),
  client_id: z.string(),
  iat: z.number().int(),
  exp: z.number().int(),
  act: z.object({ sub: z.string() }).optional(),
});

export type GrantTokenClaims = z.infer<typeof grantTokenClaimsSchema>;

export const scopesOf = (claims: Pick<GrantTokenClaims, "scope">): string[] => claims.scope.split(" ").filter(Boolean);

import { z } from "zod";
import { idOf, scopeKeySchema } from "@/lib/kernel/common-schemas";
import { constraintsSchema } from "@/lib/kernel/authorization-details";

/** RFC 9068 access tokens: the `typ` header tells them apart from ID tokens and other JWTs. */
export const GRANT_TOKEN_TYPE = "at+jwt";
/** The only algorithm Baton signs with or accepts: Ed25519. Never `none`, never one the token picks. */
export const GRANT_TOKEN_ALGORITHM = "EdDSA";
/** A token never outlives five minutes (nor its grant): a resource server that caches one acts on a state at most this old. */
export const MAX_GRANT_TOKEN_SECONDS = 300;
/** Longer than any token Baton issues, so an absurd string is refused before any parsing. */
export const MAX_GRANT_TOKEN_LENGTH = 8192;

/** Seconds since the epoch that a Date can hold (up to the year 9999), so no claim becomes an Invalid Date. */
const unixSeconds = z.int().min(0).max(253_402_300_799);

/**
 * The payload of a grant token, checked after its signature, with the types and shapes Baton issues
 * (ids with their prefix, scope keys, a UUID jti): anything else Baton did not issue, and no claim of
 * another content is ever looked up.
 */
export const grantTokenClaimsSchema = z.object({
  iss: z.string(),
  sub: idOf("agt"),
  aud: z.string(),
  scope: z.string().refine((scope) => scope.split(" ").every((key) => scopeKeySchema.safeParse(key).success)),
  jti: z.uuid(),
  grant_id: idOf("grt"),
  client_id: idOf("agt"),
  iat: unixSeconds,
  exp: unixSeconds,
  /** What kind of party the subject is (OAuth entity profiles draft): an AI agent. */
  sub_profile: z.literal("ai_agent").optional(),
  act: z.object({ sub: z.string().regex(/^[^\p{Cc}\p{Cf}]{1,320}$/u), sub_profile: z.literal("user").optional() }).optional(),
  /** RFC 9396: the grant's constraints, in the shape Baton issues them; any other shape is not Baton's token. */
  authorization_details: constraintsSchema.optional(),
});

export type GrantTokenClaims = z.infer<typeof grantTokenClaimsSchema>;

export const scopesOf = (claims: Pick<GrantTokenClaims, "scope">): string[] => claims.scope.split(" ").filter(Boolean);

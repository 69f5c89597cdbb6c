import type { KeyObject } from "node:crypto";
import { errors, jwtVerify } from "jose";
import { isSigningKeyId } from "@/lib/kernel/signing-key-id-format";
import {
  GRANT_TOKEN_ALGORITHM,
  GRANT_TOKEN_TYPE,
  grantTokenClaimsSchema,
  MAX_GRANT_TOKEN_LENGTH,
  type GrantTokenClaims,
} from "@/lib/kernel/grant-token-format";

/**
 * Looks up a published verification key by id; null when there is none (unknown, or past its expiry).
 * Called only with a `kid` of the shape Baton's keys have (isSigningKeyId).
 */
export type FindVerificationKey = (kid: string, now: Date) => Promise<KeyObject | null>;

/** Clock skew tolerated on `iat` only; `exp` is exact (a token is dead at exp, not a little after). */
const ISSUED_AT_LEEWAY_SECONDS = 30;

/**
 * Checks a grant token and returns its claims, or null for anything Baton did not issue for this
 * audience: the signature must verify with one of Baton's own keys, found by `kid` alone — looked up only
 * when it has the shape of Baton's key ids, since every header and claim is untrusted input (a `jwk`,
 * `jku` or `x5u` header is never followed); the algorithm must be EdDSA (so never `none`); `typ` must be
 * `at+jwt` (an ID token or other JWT is refused); `iss` and `aud` must match exactly; `exp` must be in
 * the future at `now`; the claims must have the types and shapes Baton issues them with, so no claim of
 * another content reaches a query. Whether the grant behind it is still valid is the caller's next question.
 * Failures to reach the keys are thrown, not reported as an invalid token.
 */
export async function verifyGrantToken(options: {
  token: string;
  issuer: string;
  audience: string;
  findKey: FindVerificationKey;
  now: Date;
}): Promise<GrantTokenClaims | null> {
  if (options.token.length > MAX_GRANT_TOKEN_LENGTH) return null;
  try {
    const { payload } = await jwtVerify(
      options.token,
      async (header) => {
        const key = isSigningKeyId(header.kid) ? await options.findKey(header.kid, options.now) : null;
        if (!key) throw new errors.JWKSNoMatchingKey();
        return key;
      },
      {
        algorithms: [GRANT_TOKEN_ALGORITHM],
        typ: GRANT_TOKEN_TYPE,
        issuer: options.issuer,
        audience: options.audience,
        currentDate: options.now,
        clockTolerance: 0,
        requiredClaims: ["exp", "iat", "jti", "sub"],
      },
    );
    const claims = grantTokenClaimsSchema.safeParse(payload);
    if (!claims.success || claims.data.aud !== options.audience || claims.data.iss !== options.issuer) return null;
    if (claims.data.iat > options.now.getTime() / 1000 + ISSUED_AT_LEEWAY_SECONDS) return null;
    return claims.data;
  } catch (error) {
    if (error instanceof errors.JOSEError) return null;
    throw error;
  }
}

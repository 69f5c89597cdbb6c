import { decodeJwt, decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from "jose";
import { prisma } from "@/lib/db";
import { issuerKeyResolver, IssuerKeysUnavailable } from "./issuer-keys";
import { MAX_WORKLOAD_TOKEN_LENGTH, WORKLOAD_TOKEN_ALGORITHMS, WORKLOAD_TOKEN_SKEW_SECONDS } from "./workload-token-format";

/** A workload token Baton will not exchange, with the reason (for the caller and the audit log). */
export class WorkloadTokenRefused extends Error {
  override name = "WorkloadTokenRefused";
  constructor(
    message: string,
    readonly context: { issuerId?: string; iss?: string; sub?: string; jti?: string } = {},
  ) {
    super(message);
  }
}

export interface VerifiedWorkloadToken {
  issuer: { id: string; name: string; issuer: string };
  claims: JWTPayload & { sub: string; jti: string; exp: number };
}

const shortText = (value: unknown, max = 200) => (typeof value === "string" ? value.slice(0, max) : undefined);

/**
 * Checks a platform-signed workload token: at most 16 KiB; an asymmetric `alg` from the allow-list
 * (never `none`, never HMAC); an `iss` registered as a workload issuer; a signature by one of that
 * issuer's keys (see issuerKeyResolver); `aud` = the issuer's registered audience; `exp`, `nbf` and `iat`
 * within 60 s of skew; and `sub` and `jti` present. Every failure is a WorkloadTokenRefused.
 * Whether the `jti` was used before is the caller's question (it is answered in the database).
 */
export async function verifyWorkloadToken(options: { token: string; now: Date; fetch?: typeof fetch }): Promise<VerifiedWorkloadToken> {
  const { token, now } = options;
  if (token.length > MAX_WORKLOAD_TOKEN_LENGTH) throw new WorkloadTokenRefused(`The token is longer than ${MAX_WORKLOAD_TOKEN_LENGTH} characters`);
  let header: ReturnType<typeof decodeProtectedHeader>;
  let unverified: JWTPayload;
  try {
    header = decodeProtectedHeader(token);
    unverified = decodeJwt(token);
  } catch {
    throw new WorkloadTokenRefused("The token is not a signed JWT");
  }
  const context = { iss: shortText(unverified.iss), sub: shortText(unverified.sub), jti: shortText(unverified.jti) };
  if (typeof header.alg !== "string" || !WORKLOAD_TOKEN_ALGORITHMS.includes(header.alg))
    throw new WorkloadTokenRefused(
      `The algorithm ${shortText(header.alg, 20) ?? "(none)"} is not accepted; use one of ${WORKLOAD_TOKEN_ALGORITHMS.join(", ")}`,
      context,
    );
  if (typeof unverified.iss !== "string" || unverified.iss.length > 500) throw new WorkloadTokenRefused("The token names no issuer", context);
  const issuer = await prisma.workloadIssuer.findUnique({ where: { issuer: unverified.iss } });
  if (!issuer) throw new WorkloadTokenRefused("The token's issuer is not a registered workload issuer", context);
  const refused = (message: string) => new WorkloadTokenRefused(message, { ...context, issuerId: issuer.id });

  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, issuerKeyResolver(issuer, { now: () => now.getTime(), fetch: options.fetch }), {
      algorithms: WORKLOAD_TOKEN_ALGORITHMS,
      issuer: issuer.issuer,
      audience: issuer.audience,
      currentDate: now,
      clockTolerance: WORKLOAD_TOKEN_SKEW_SECONDS,
      requiredClaims: ["exp", "sub", "jti"],
    }));
  } catch (error) {
    throw refused(describeFailure(error));
  }
  if (typeof payload.iat === "number" && payload.iat > now.getTime() / 1000 + WORKLOAD_TOKEN_SKEW_SECONDS)
    throw refused("The token is issued in the future (iat)");
  if (typeof payload.sub !== "string" || payload.sub.length === 0 || payload.sub.length > 500) throw refused("The token's sub is not usable");
  if (typeof payload.jti !== "string" || payload.jti.length === 0 || payload.jti.length > 255) throw refused("The token's jti is not usable");
  return { issuer: { id: issuer.id, name: issuer.name, issuer: issuer.issuer }, claims: payload as VerifiedWorkloadToken["claims"] };
}

function describeFailure(error: unknown): string {
  if (error instanceof IssuerKeysUnavailable) return `The issuer's keys could not be had: ${error.message}`;
  if (error instanceof errors.JWTExpired) return "The token has expired";
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "aud") return "The token's audience (aud) is not the one registered for its issuer";
    if (error.claim === "nbf") return "The token is not valid yet (nbf)";
    if (error.claim === "iss") return "The token's issuer does not match";
    return `The token's ${error.claim} claim is ${error.reason === "missing" ? "missing" : "not valid"}`;
  }
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) return "No key of the issuer matches the token's kid";
  if (error instanceof errors.JWSSignatureVerificationFailed) return "The signature does not verify";
  if (error instanceof errors.JOSEAlgNotAllowed) return "The algorithm is not accepted";
  if (error instanceof errors.JOSEError) return `The token is not valid (${error.code})`;
  throw error;
}

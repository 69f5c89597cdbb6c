import type { GrantTokenClaims } from "@/lib/kernel/grant-token-format";
import type { PolicyExplanation } from "@/lib/policy/schemas";
import type { IntrospectionDto } from "./schemas";

export const INACTIVE: IntrospectionDto = { active: false };

/**
 * The answer for a verified token whose grant is live, given which of its scopes the caller enforces and
 * the call policies allow (and which policies allow them): inactive when none. Shared by Baton's introspection and the standalone decision point's.
 */
export function introspectionOf(claims: GrantTokenClaims, servedScopes: readonly string[], policies: readonly PolicyExplanation[]): IntrospectionDto {
  if (servedScopes.length === 0) return INACTIVE;
  return {
    active: true,
    scope: servedScopes.join(" "),
    exp: claims.exp,
    iat: claims.iat,
    sub: claims.sub,
    ...(claims.sub_profile && { sub_profile: claims.sub_profile }),
    aud: claims.aud,
    ...(claims.act && { act: claims.act }),
    ...(claims.authorization_details && { authorization_details: claims.authorization_details }),
    grant_id: claims.grant_id,
    client_id: claims.client_id,
    iss: claims.iss,
    jti: claims.jti,
    token_type: "Bearer",
    baton_policies: [...policies],
  };
}

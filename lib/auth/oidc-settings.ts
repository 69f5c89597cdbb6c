import { env } from "@/lib/env";

/** The id of the single sign-on provider: in the callback URL (/api/auth/callback/oidc), on Account rows and on the group memberships it asserts. */
export const OIDC_PROVIDER_ID = "oidc";

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  roleClaim: string;
  groupsClaim: string;
}

/** Single sign-on settings, or null when AUTH_OIDC_* is not configured (lib/env.ts accepts all three or none). */
export function oidcSettings(): OidcSettings | null {
  const { AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_ID, AUTH_OIDC_CLIENT_SECRET, AUTH_OIDC_ROLE_CLAIM, AUTH_OIDC_GROUPS_CLAIM } = env();
  if (!AUTH_OIDC_ISSUER || !AUTH_OIDC_CLIENT_ID || !AUTH_OIDC_CLIENT_SECRET) return null;
  return {
    issuer: AUTH_OIDC_ISSUER,
    clientId: AUTH_OIDC_CLIENT_ID,
    clientSecret: AUTH_OIDC_CLIENT_SECRET,
    roleClaim: AUTH_OIDC_ROLE_CLAIM,
    groupsClaim: AUTH_OIDC_GROUPS_CLAIM,
  };
}

/** For step-up: the identity provider must authenticate the person now, not vouch from a session it already has. */
export const OIDC_REAUTHENTICATION_PARAMS = { prompt: "login", max_age: "0" };

import NextAuth, { customFetch, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { OIDCConfig } from "next-auth/providers";
import { z } from "zod";
import { OIDC_PROVIDER_ID, oidcSettings, type OidcSettings } from "./oidc-settings";
import { SESSION_MAX_AGE_SECONDS } from "./session-validity";
import { syncOidcUser } from "./sync-oidc-user";
import { verifyCredentials } from "./verify-credentials";

declare module "next-auth" {
  interface Session {
    user: { id: string; authTime: number } & DefaultSession["user"];
  }
}

export { SESSION_MAX_AGE_SECONDS };

const credentialsSchema = z.object({ email: z.string().min(1).max(320), password: z.string().min(1).max(1024) });

/** Outcomes that are audited where they happen; logging them again as server errors would only add noise. */
const EXPECTED_REFUSALS = new Set(["CredentialsSignin", "AccessDenied"]);

/** Discovery, the token exchange, JWKS and userinfo calls to the identity provider: a silent one fails the sign-in instead of holding it. */
const IDENTITY_PROVIDER_TIMEOUT_MS = 10_000;

const boundedFetch: typeof fetch = (input, init) => {
  const timeout = AbortSignal.timeout(IDENTITY_PROVIDER_TIMEOUT_MS);
  return fetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout });
};

function oidcProvider(settings: OidcSettings): OIDCConfig<Record<string, unknown>> {
  return {
    id: OIDC_PROVIDER_ID,
    name: "SSO",
    type: "oidc",
    issuer: settings.issuer,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    checks: ["pkce", "state", "nonce"],
    [customFetch]: boundedFetch,
  };
}

const oidc = oidcSettings();

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  // A refused single sign-on comes back to the sign-in page with ?error=…, which explains it.
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        return verifyCredentials(parsed.data);
      },
    }),
    ...(oidc ? [oidcProvider(oidc)] : []),
  ],
  callbacks: {
    async signIn({ user, account, profile }) {
      if (account?.provider !== OIDC_PROVIDER_ID) return true;
      if (!oidc || !profile) return false;
      const signedIn = await syncOidcUser({ subject: account.providerAccountId, claims: profile, roleClaim: oidc.roleClaim, groupsClaim: oidc.groupsClaim });
      if (!signedIn) return false;
      // Without a database adapter Auth.js gives this user a random id and passes this same object on to
      // the jwt callback, which must store Baton's id.
      user.id = signedIn.id;
      return true;
    },
    jwt({ token, user }) {
      // authTime is set at every sign-in: it decides step-up and whether a later "sign out everywhere" covers
      // this session. Milliseconds, so a sign-in in the same second after "sign out everywhere" still counts.
      if (user?.id) {
        token.uid = user.id;
        token.authTime = Date.now() / 1000;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = String(token.uid ?? "");
      session.user.authTime = Number(token.authTime ?? 0);
      return session;
    },
  },
  logger: {
    error(error) {
      // `type` survives minification; the class name may not.
      if (EXPECTED_REFUSALS.has("type" in error ? String(error.type) : error.name)) return;
      console.error(error);
    },
  },
});

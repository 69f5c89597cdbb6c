// A real OpenID Connect provider (the `oidc-provider` package) on loopback for the browser suite: one
// confidential client for Baton's main test server and a few people whose claims exercise sign-in,
// linking, refusal and role/group sync. Its login page is oidc-provider's development interaction:
// any password is accepted, the login names the account.
import { generateKeyPairSync } from "node:crypto";
import { Provider } from "oidc-provider";

// Set by playwright.config.ts, which gives Baton's main server the same client.
const { E2E_OIDC_PORT, E2E_OIDC_CLIENT_ID, E2E_OIDC_CLIENT_SECRET, E2E_OIDC_REDIRECT_URI } = process.env;
if (!E2E_OIDC_PORT || !E2E_OIDC_CLIENT_ID || !E2E_OIDC_CLIENT_SECRET || !E2E_OIDC_REDIRECT_URI)
  throw new Error("E2E_OIDC_* is not set: start this through playwright.config.ts");

/** login → claims. Group names that Baton does not know must be ignored by it. */
const ACCOUNTS = {
  alice: {
    sub: "sso-alice",
    email: "alice@sso.e2e.baton.dev",
    email_verified: true,
    name: "Alice Sso",
    baton_role: "approver",
    groups: ["sso-approvers", "not-a-baton-group"],
  },
  linda: { sub: "sso-linda", email: "Linda.Local@E2E.Baton.dev", email_verified: true, name: "Linda at the IdP", baton_role: "commander", groups: [] },
  rhea: { sub: "sso-rhea", email: "rhea@sso.e2e.baton.dev", email_verified: true, name: "Rhea Sso", baton_role: "approver", groups: [] },
  // Claims an existing Baton account's email without the provider having verified it.
  mallory: { sub: "sso-mallory", email: "admin@e2e.baton.dev", email_verified: false, name: "Mallory", baton_role: "admin", groups: [] },
};

const signingKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });

const provider = new Provider(`http://localhost:${E2E_OIDC_PORT}`, {
  clients: [
    {
      client_id: E2E_OIDC_CLIENT_ID,
      client_secret: E2E_OIDC_CLIENT_SECRET,
      redirect_uris: [E2E_OIDC_REDIRECT_URI],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  jwks: { keys: [{ ...signingKey, use: "sig", kid: "e2e" }] },
  cookies: { keys: ["baton-e2e-oidc-cookie-key"] },
  // Baton reads the claims from the ID token, as it would from most enterprise providers.
  conformIdTokenClaims: false,
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "baton_role", "groups"] },
  features: { devInteractions: { enabled: true } },
  async findAccount(_ctx, login) {
    const account = ACCOUNTS[login];
    if (!account) return undefined;
    const { sub, ...claims } = account;
    return { accountId: login, claims: async () => ({ sub, ...claims }) };
  },
  // Baton is a first-party client: no consent screen, only the login.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope("openid profile email");
    await grant.save();
    return grant;
  },
});

provider.listen(Number(E2E_OIDC_PORT), "127.0.0.1", () => console.log(`e2e OIDC provider on http://localhost:${E2E_OIDC_PORT}`));

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth";
import { OIDC_PROVIDER_ID, OIDC_REAUTHENTICATION_PARAMS, oidcSettings } from "@/lib/auth/oidc-settings";
import { callbackPathSchema } from "@/lib/auth/schemas";

/**
 * "Sign in with SSO" is a link to here, so it starts the provider round trip (state, PKCE and nonce
 * cookies, then the redirect). Only a click on Baton's own page or a typed URL starts it: another site
 * cannot send someone through the identity provider unasked.
 */
export async function GET(request: Request) {
  const query = new URL(request.url).searchParams;
  if (!oidcSettings() || request.headers.get("sec-fetch-site") === "cross-site") redirect(`/sign-in?${query}`);
  const callbackUrl = callbackPathSchema.parse(query.get("callbackUrl") ?? undefined);
  try {
    await signIn(OIDC_PROVIDER_ID, { redirectTo: callbackUrl }, query.get("reauth") === "1" ? OIDC_REAUTHENTICATION_PARAMS : undefined);
  } catch (error) {
    // Auth.js has logged it (an unreachable provider, for one); the person gets the sign-in page and a message.
    if (error instanceof AuthError) redirect(`/sign-in?${new URLSearchParams({ callbackUrl, error: error.type })}`);
    throw error;
  }
}

import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInError } from "@/components/auth/sign-in-error";
import { SignInForm } from "@/components/auth/sign-in-form";
import { SsoSignInLink } from "@/components/auth/sso-sign-in-link";
import { Alert } from "@/components/ui/alert";
import { getCurrentUser } from "@/lib/auth/current-user";
import { oidcSettings } from "@/lib/auth/oidc-settings";
import { callbackPathSchema } from "@/lib/auth/schemas";

export const metadata: Metadata = { title: "Sign in" };

type SignInQuery = { callbackUrl?: string; setup?: string; invitation?: string; reauth?: string; error?: string };

export default async function SignInPage({ searchParams }: { searchParams: Promise<SignInQuery> }) {
  const query = await searchParams;
  const callbackUrl = callbackPathSchema.parse(query.callbackUrl);
  // Step-up: a signed-in person is asked to prove again that they are at the keyboard.
  const reauth = query.reauth === "1";
  const user = await getCurrentUser();
  if (user && !reauth) redirect(callbackUrl);
  return (
    <AuthCard title={reauth ? "Sign in again" : "Sign in"} description="Approve, narrow and revoke the access your agents hold.">
      {reauth && (
        <Alert tone="info" className="mb-4">
          Sign in again to continue — approving a critical scope needs a recent sign-in.
        </Alert>
      )}
      {query.error && <SignInError type={query.error} />}
      {query.invitation === "accepted" && (
        <Alert tone="success" className="mb-4">
          Your password is set. Sign in with it.
        </Alert>
      )}
      {query.setup === "done" && (
        <Alert tone="success" className="mb-4">
          Your admin account is ready. Sign in with it.
        </Alert>
      )}
      <SignInForm callbackUrl={callbackUrl} email={reauth ? user?.email : undefined} />
      {oidcSettings() && <SsoSignInLink callbackUrl={callbackUrl} reauth={reauth} />}
    </AuthCard>
  );
}

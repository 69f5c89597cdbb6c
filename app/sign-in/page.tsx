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
import { needsSetup } from "@/lib/setup/needs-setup";

export const metadata: Metadata = { title: "Sign in" };

type SignInQuery = { callbackUrl?: string; setup?: string; invitation?: string; reauth?: string; error?: string };

export default async function SignInPage({ searchParams }: { searchParams: Promise<SignInQuery> }) {
  const query = await searchParams;
  const callbackUrl = callbackPathSchema.parse(query.callbackUrl);
  // Step-up: a signed-in person is asked to prove again that they are at the keyboard.
  const reauth = query.reauth === "1";
  const user = await getCurrentUser();
  if (user && !reauth) redirect(callbackUrl);
  if (await needsSetup()) return <SetupPendingNotice callbackUrl={callbackUrl} error={query.error} />;
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

/** With no account yet there is nothing to sign in to: say where the one-time set-up link is instead. */
function SetupPendingNotice({ callbackUrl, error }: { callbackUrl: string; error?: string }) {
  return (
    <AuthCard title="No admin exists yet" description="Baton has no accounts yet, so there is nothing to sign in to.">
      {error && <SignInError type={error} />}
      <div className="flex flex-col gap-3 text-sm">
        <p>
          Create the first admin with the <strong>one-time set-up link</strong> Baton printed when it started: look in the terminal or log where{" "}
          <code className="rounded bg-muted px-1 font-mono text-xs">npm start</code> runs, for a line ending in{" "}
          <code className="rounded bg-muted px-1 font-mono text-xs">/setup/…</code>.
        </p>
        <p className="text-muted-foreground">
          The link works once, for an hour. Lost it, or has it expired? Restart Baton: while no user exists, it prints a fresh one.
        </p>
      </div>
      {oidcSettings() && <SsoSignInLink callbackUrl={callbackUrl} reauth={false} />}
    </AuthCard>
  );
}

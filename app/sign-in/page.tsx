import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Alert } from "@/components/ui/alert";
import { getCurrentUser } from "@/lib/auth/current-user";
import { callbackPathSchema } from "@/lib/auth/schemas";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; setup?: string; invitation?: string }> }) {
  const query = await searchParams;
  const callbackUrl = callbackPathSchema.parse(query.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  return (
    <AuthCard title="Sign in" description="Approve, narrow and revoke the access your agents hold.">
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
      <SignInForm callbackUrl={callbackUrl} />
    </AuthCard>
  );
}

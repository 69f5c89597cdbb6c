import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { SetupForm } from "@/components/auth/setup-form";
import { Alert } from "@/components/ui/alert";
import { isSetupLinkUsable } from "@/lib/setup/complete-setup";

export const metadata: Metadata = { title: "Set up Baton" };

export default async function SetupPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const usable = await isSetupLinkUsable({ token });
  return (
    <AuthCard title="Create the first admin" description="This one-time link works once, for an hour after Baton printed it.">
      {usable ? (
        <SetupForm token={token} />
      ) : (
        <div className="flex flex-col gap-3">
          <Alert>This set-up link is invalid, already used or expired. Restart Baton to print a new one while no user exists.</Alert>
          <Link href="/sign-in" className="text-sm text-primary underline-offset-4 hover:underline">
            Go to sign-in
          </Link>
        </div>
      )}
    </AuthCard>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInvitationForm } from "@/components/auth/accept-invitation-form";
import { AuthCard } from "@/components/auth/auth-card";
import { Alert } from "@/components/ui/alert";
import { findInvitation } from "@/lib/users/accept-invitation";

export const metadata: Metadata = { title: "Accept invitation" };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await findInvitation({ token });
  return (
    <AuthCard title={invitation ? `Welcome, ${invitation.name}` : "Invitation"} description="Choose a password for your Baton account. The link works once.">
      {invitation ? (
        <AcceptInvitationForm token={token} email={invitation.email} />
      ) : (
        <div className="flex flex-col gap-3">
          <Alert>This invitation is invalid, already used or expired. Ask an admin for a new one.</Alert>
          <Link href="/sign-in" className="text-sm text-primary underline-offset-4 hover:underline">
            Go to sign-in
          </Link>
        </div>
      )}
    </AuthCard>
  );
}

import type { Metadata } from "next";
import { PageHeader } from "@/components/admin/page-header";
import { SectionCard } from "@/components/admin/section-card";
import { CreateTokenDialog } from "@/components/profile/create-token-dialog";
import { PersonalTokensTable } from "@/components/profile/personal-tokens-table";
import { SignOutEverywhereDialog } from "@/components/profile/sign-out-everywhere-dialog";
import { GroupList, SignInMethods } from "@/components/users/user-badges";
import { RelativeTime } from "@/components/ui/relative-time";
import { requireUserForPage } from "@/lib/auth/current-user";
import { listPersonalTokens } from "@/lib/tokens/list-personal-tokens";
import { getOwnProfile } from "@/lib/users/get-own-profile";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage() {
  const viewer = await requireUserForPage();
  const [profile, { asOf, tokens }] = await Promise.all([getOwnProfile({ principal: viewer }), listPersonalTokens({ principal: viewer })]);
  const now = new Date(asOf).getTime();
  return (
    <div className="flex flex-col gap-5">
      <PageHeader title={profile.name} description={profile.email}>
        <SignOutEverywhereDialog />
      </PageHeader>
      <dl className="grid grid-cols-1 gap-x-8 gap-y-3 rounded-lg border bg-card px-4 py-3 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-xs text-muted-foreground">Role</dt>
          <dd>{profile.role.toLowerCase()}</dd>
        </div>
        <div>
          <dt className="text-xs text-muted-foreground">Signs in with</dt>
          <dd>
            <SignInMethods user={profile} />
          </dd>
        </div>
        <div>
          <dt className="text-xs text-muted-foreground">This session signed in</dt>
          <dd>
            <RelativeTime at={viewer.authTime.toISOString()} now={now} />
          </dd>
        </div>
        <div className="sm:col-span-3">
          <dt className="mb-1 text-xs text-muted-foreground">Approver groups</dt>
          <dd>
            <GroupList groups={profile.groups} />
          </dd>
        </div>
      </dl>
      <SectionCard
        title="Personal tokens"
        description="For scripts and the CLI; each acts as you, with your role."
        actions={<CreateTokenDialog />}
        empty={tokens.length === 0 && "You have no personal token."}
      >
        <PersonalTokensTable tokens={tokens} now={now} />
      </SectionCard>
    </div>
  );
}

import type { Metadata } from "next";
import { PageHeader } from "@/components/admin/page-header";
import { SectionCard } from "@/components/admin/section-card";
import { InviteUserDialog } from "@/components/users/invite-user-dialog";
import { UsersTable } from "@/components/users/users-table";
import { requirePageAccess } from "@/lib/auth/current-user";
import { oidcSettings } from "@/lib/auth/oidc-settings";
import { listGroups } from "@/lib/groups/list-groups";
import { listUsers } from "@/lib/users/list-users";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const viewer = await requirePageAccess("/users");
  const [{ asOf, users }, groups] = await Promise.all([listUsers({ principal: viewer }), listGroups()]);
  const ssoConfigured = oidcSettings() !== null;
  return (
    <div className="flex flex-col gap-5">
      <PageHeader
        title="Users"
        description={
          ssoConfigured
            ? "The people who sign in to Baton. Single sign-on sets the role and SSO groups of those who use it at each sign-in."
            : "The people who sign in to Baton."
        }
      >
        <InviteUserDialog ssoConfigured={ssoConfigured} />
      </PageHeader>
      <SectionCard title="Everyone">
        <UsersTable users={users} groupNames={groups.map((group) => group.name)} viewerId={viewer.userId} now={new Date(asOf).getTime()} />
      </SectionCard>
    </div>
  );
}

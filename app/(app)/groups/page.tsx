import type { Metadata } from "next";
import { CreateGroupDialog } from "@/components/admin/create-group-dialog";
import { PageHeader } from "@/components/admin/page-header";
import { SectionCard } from "@/components/admin/section-card";
import { Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireUserForPage } from "@/lib/auth/current-user";
import { listGroups } from "@/lib/groups/list-groups";

export const metadata: Metadata = { title: "Groups" };

export default async function GroupsPage() {
  const viewer = await requireUserForPage();
  const groups = await listGroups();
  return (
    <div className="flex flex-col gap-5">
      <PageHeader title="Groups" description="Approver groups: the people who decide requests for the scopes assigned to them.">
        {viewer.role === "ADMIN" && <CreateGroupDialog />}
      </PageHeader>
      <SectionCard title="Approver groups" empty={groups.length === 0 && "No approver group exists yet."}>
        <Table aria-label="Approver groups">
          <TableHeader>
            <TableRow>
              <TableHead>Name</TableHead>
              <TableHead>Description</TableHead>
              <TableHead>Members</TableHead>
            </TableRow>
          </TableHeader>
          <tbody>
            {groups.map((group) => (
              <TableRow key={group.id}>
                <TableCell className="font-medium whitespace-nowrap">{group.name}</TableCell>
                <TableCell className="max-w-sm text-muted-foreground">{group.description}</TableCell>
                <TableCell>
                  {group.members.length === 0 ? (
                    <span className="text-muted-foreground">No members</span>
                  ) : (
                    <ul className="flex flex-col gap-0.5">
                      {group.members.map((member) => (
                        <li key={member.id}>
                          {member.name} <span className="text-muted-foreground">{member.email}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </tbody>
        </Table>
      </SectionCard>
    </div>
  );
}

import type { Metadata } from "next";
import { CatalogPage } from "@/components/admin/catalog-page";
import { CreateGroupDialog } from "@/components/admin/create-group-dialog";
import { GroupChatWebhookDialog } from "@/components/admin/group-chat-webhook-dialog";
import { Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireUserForPage } from "@/lib/auth/current-user";
import { mayAdminister } from "@/lib/authorization/rules";
import { listGroups } from "@/lib/groups/list-groups";

export const metadata: Metadata = { title: "Groups" };

export default async function GroupsPage() {
  const viewer = await requireUserForPage();
  const groups = await listGroups();
  return (
    <CatalogPage
      title="Groups"
      description="Approver groups: the people who decide requests for the scopes assigned to them."
      action={mayAdminister(viewer) && <CreateGroupDialog />}
      listTitle="Approver groups"
      empty={
        groups.length === 0 && {
          title: "No approver group exists yet.",
          why: mayAdminister(viewer)
            ? "A group holds the people who decide requests for the scopes routed to it; without one, only admins decide. Create one and add yourself to decide requests."
            : "A group holds the people who decide requests for the scopes routed to it; an admin creates them.",
          holdsAction: true,
        }
      }
    >
      <Table aria-label="Approver groups">
        <TableHeader>
          <TableRow>
            <TableHead>Name</TableHead>
            <TableHead>Description</TableHead>
            <TableHead>Members</TableHead>
            <TableHead>Chat notifications</TableHead>
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
              <TableCell>
                <div className="flex items-center gap-2 whitespace-nowrap">
                  <span className={group.chatWebhookConfigured ? undefined : "text-muted-foreground"}>
                    {group.chatWebhookConfigured ? "New requests posted" : "Off"}
                  </span>
                  {mayAdminister(viewer) && <GroupChatWebhookDialog group={group} />}
                </div>
              </TableCell>
            </TableRow>
          ))}
        </tbody>
      </Table>
    </CatalogPage>
  );
}

import type { Metadata } from "next";
import { CatalogPage } from "@/components/admin/catalog-page";
import { CreateGroupDialog } from "@/components/admin/create-group-dialog";
import { GroupChatWebhookDialog } from "@/components/admin/group-chat-webhook-dialog";
import { OnCallDialog } from "@/components/admin/on-call-dialog";
import { RefreshOnChange } from "@/components/live/refresh-on-change";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireUserForPage } from "@/lib/auth/current-user";
import { mayAdminister } from "@/lib/authorization/rules";
import { listGroups } from "@/lib/groups/list-groups";
import { systemClock } from "@/lib/kernel/clock";
import { listOnCall } from "@/lib/on-call/list-on-call";

export const metadata: Metadata = { title: "Groups" };

export default async function GroupsPage() {
  const viewer = await requireUserForPage();
  const groups = await listGroups();
  const now = systemClock.now();
  const onCall = await listOnCall({ clock: { now: () => now } });
  const shiftEnds = [...onCall.values()].flatMap((people) => people.flatMap((person) => person.until ?? []));
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
      {/* On-call changes (by people or incident tools) and shifts ending show without a reload. */}
      <RefreshOnChange subjectKinds={["group"]} refreshAt={shiftEnds} />
      <Table aria-label="Approver groups">
        <TableHeader>
          <TableRow>
            <TableHead>Name</TableHead>
            <TableHead>Description</TableHead>
            <TableHead>Members</TableHead>
            <TableHead>On call</TableHead>
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
                <div className="flex flex-col items-start gap-1.5">
                  {(onCall.get(group.id) ?? []).length === 0 ? (
                    <span className="text-muted-foreground">Nobody</span>
                  ) : (
                    <ul aria-label={`On call for ${group.name}`} className="flex flex-col gap-0.5">
                      {onCall.get(group.id)!.map((person) => (
                        <li key={person.id}>
                          {person.name}
                          {person.until && (
                            <span className="text-xs text-muted-foreground">
                              {" "}
                              until <RelativeTime at={person.until} now={now.getTime()} />
                            </span>
                          )}
                          {person.source !== "local" && <span className="text-xs text-muted-foreground"> (from {person.source})</span>}
                        </li>
                      ))}
                    </ul>
                  )}
                  {mayAdminister(viewer) && <OnCallDialog group={group} onCallIds={(onCall.get(group.id) ?? []).map((person) => person.id)} />}
                </div>
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

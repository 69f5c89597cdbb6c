import { StatusCell } from "@/components/admin/status-badge";
import { RelativeTime } from "@/components/ui/relative-time";
import { ActionsHead, Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import type { UserSummary } from "@/lib/users/user-summary";
import { GroupList, SignInMethods } from "./user-badges";
import { ChangeRoleDialog, DisableUserDialog, EditGroupsDialog, EnableUserButton } from "./user-dialogs";

/** Everyone, with what an admin may change about them; an admin's own row offers no role change or disablement. */
export function UsersTable({ users, groupNames, viewerId, now }: { users: UserSummary[]; groupNames: string[]; viewerId: string; now: number }) {
  return (
    <Table aria-label="Users">
      <TableHeader>
        <TableRow>
          <TableHead>Person</TableHead>
          <TableHead>Role</TableHead>
          <TableHead>Groups</TableHead>
          <TableHead>Signs in with</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>Last sign-in</TableHead>
          <ActionsHead />
        </TableRow>
      </TableHeader>
      <tbody>
        {users.map((user) => (
          <TableRow key={user.id} className={cn(user.disabled && "text-muted-foreground")}>
            <TableCell>
              <p className="font-medium">
                {user.name}
                {user.id === viewerId && <span className="ml-1.5 text-xs font-normal text-muted-foreground">(you)</span>}
              </p>
              <p className="text-xs text-muted-foreground">{user.email}</p>
            </TableCell>
            <TableCell>{user.role.toLowerCase()}</TableCell>
            <TableCell>
              <GroupList groups={user.groups} />
            </TableCell>
            <TableCell>
              <SignInMethods user={user} />
            </TableCell>
            <StatusCell status={user.disabled ? "DISABLED" : "ACTIVE"} />
            <TableCell className="whitespace-nowrap">
              {user.lastSignInAt ? <RelativeTime at={user.lastSignInAt} now={now} /> : <span className="text-muted-foreground">never</span>}
            </TableCell>
            <TableCell className="py-1.5">
              <div className="flex justify-end gap-1.5">
                <EditGroupsDialog user={user} groupNames={groupNames} />
                {user.id !== viewerId && <ChangeRoleDialog user={user} />}
                {user.id !== viewerId && (user.disabled ? <EnableUserButton user={user} /> : <DisableUserDialog user={user} />)}
              </div>
            </TableCell>
          </TableRow>
        ))}
      </tbody>
    </Table>
  );
}

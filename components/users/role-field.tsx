import { SelectField } from "@/components/ui/select";
import type { UserSummary } from "@/lib/users/user-summary";

const ROLES: { value: UserSummary["role"]; label: string; about: string }[] = [
  { value: "VIEWER", label: "Viewer", about: "sees requests, grants and the audit log" },
  { value: "APPROVER", label: "Approver", about: "also decides requests for their approver groups" },
  { value: "COMMANDER", label: "Commander", about: "also grants access directly during an incident" },
  { value: "ADMIN", label: "Admin", about: "also manages people, agents, scopes and groups" },
];

/** The role select, each option saying what the role adds, so whoever picks it sees what they hand out. */
export function RoleField({ defaultValue, error }: { defaultValue: string; error?: string }) {
  return (
    <SelectField label="Role" name="role" defaultValue={defaultValue} error={error}>
      {ROLES.map((role) => (
        <option key={role.value} value={role.value}>
          {role.label}: {role.about}
        </option>
      ))}
    </SelectField>
  );
}

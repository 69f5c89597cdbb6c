"use client";
import { useState } from "react";
import { SelectField } from "@/components/ui/select";
import { describeRole, parseRole, roleLabel, ROLES } from "@/lib/auth/role-abilities";

/** The role select; the hint says what the chosen role may do (from lib/auth/role-abilities.ts), so whoever picks it sees what they hand out. */
export function RoleField({ defaultValue, error }: { defaultValue: string; error?: string }) {
  const [role, setRole] = useState(defaultValue);
  const chosen = parseRole(role);
  return (
    <SelectField
      label="Role"
      name="role"
      defaultValue={defaultValue}
      error={error}
      hint={chosen ? `${roleLabel(chosen)}: ${describeRole(chosen)}.` : undefined}
      onChange={(event) => setRole(event.target.value)}
    >
      {ROLES.map((value) => (
        <option key={value} value={value}>
          {roleLabel(value)}
        </option>
      ))}
    </SelectField>
  );
}

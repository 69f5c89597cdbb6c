import type { UserSummary } from "@/lib/users/user-summary";

export const ROLES: { value: UserSummary["role"]; label: string; about: string }[] = [
  { value: "VIEWER", label: "Viewer", about: "sees requests, grants and the audit log" },
  { value: "APPROVER", label: "Approver", about: "also decides requests for their approver groups" },
  { value: "COMMANDER", label: "Commander", about: "also grants access directly during an incident" },
  { value: "ADMIN", label: "Admin", about: "also manages people, agents, scopes and groups" },
];

import type { Role } from "@/lib/generated/prisma/enums";

/** The four roles, from the least to the most they may do. */
export const ROLES = ["VIEWER", "APPROVER", "COMMANDER", "ADMIN"] as const satisfies readonly Role[];
export type { Role };

/**
 * What each role may do, in one table: the role descriptions people read when they invite or change a
 * user, the pages a role may open and the navigation all derive from it, and the audit-log and admin
 * checks read it, so the text cannot drift from the rules (tests/unit/role-abilities.test.ts holds the
 * rest of the domain to it).
 */
export const ABILITIES = {
  watch: { roles: ROLES, says: "sees requests, grants, agents and incidents live" },
  // An agent's owner can always pull its access, whatever their role (lib/authorization/rules.ts).
  revokeOwnAgents: { roles: ROLES, says: "revokes grants of the agents they own" },
  decideRequests: {
    roles: ["APPROVER", "COMMANDER", "ADMIN"],
    says: "decides requests routed to their approver groups and revokes grants of the scopes those groups decide",
  },
  readAudit: { roles: ["APPROVER", "COMMANDER", "ADMIN"], says: "reads, exports and verifies the audit log" },
  runIncidents: { roles: ["COMMANDER", "ADMIN"], says: "opens incidents and grants access directly during them" },
  administer: { roles: ["ADMIN"], says: "manages people, agents, scopes, groups, resource servers and integrations" },
} as const satisfies Record<string, { roles: readonly Role[]; says: string }>;

export type Ability = keyof typeof ABILITIES;

export function mayDo(role: Role, ability: Ability): boolean {
  return (ABILITIES[ability].roles as readonly Role[]).includes(role);
}

export const rolesWith = (ability: Ability): readonly Role[] => ABILITIES[ability].roles;

export const roleLabel = (role: Role) => role.charAt(0) + role.slice(1).toLowerCase();

/** "admin", "approver or commander": the roles that may do something, as a reader would say them. */
export function rolesInWords(roles: readonly Role[]): string {
  const names = roles.map((role) => role.toLowerCase());
  return names.length < 2 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
}

/** What one role may do, as a sentence fragment: "sees …; decides …; reads …". */
export function describeRole(role: Role): string {
  return (Object.keys(ABILITIES) as Ability[])
    .filter((ability) => mayDo(role, ability))
    .map((ability) => ABILITIES[ability].says)
    .join("; ");
}

export const parseRole = (value: string): Role | null => ROLES.find((role) => role === value) ?? null;

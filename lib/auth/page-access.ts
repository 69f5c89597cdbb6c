import type { Role } from "@/lib/generated/prisma/enums";
import { mayDo, rolesWith, type Ability } from "./role-abilities";

/**
 * The pages only some roles may open, by path prefix. Pages guard themselves with it
 * (`requirePageAccess` in current-user.ts), the navigation hides what a role may not open, and the
 * forbidden page reads it to name the role that is needed. Every other page is open to every role.
 */
const PAGE_ABILITY: Record<string, Ability> = {
  "/audit": "readAudit",
  "/policies": "administer",
  "/users": "administer",
  "/webhooks": "administer",
  "/credential-providers": "administer",
};

function abilityForPath(pathname: string): Ability | null {
  const entry = Object.entries(PAGE_ABILITY).find(([path]) => pathname === path || pathname.startsWith(`${path}/`));
  return entry?.[1] ?? null;
}

export function mayOpenPage(role: Role, pathname: string): boolean {
  const ability = abilityForPath(pathname);
  return ability === null || mayDo(role, ability);
}

/** The roles that may open a page, for the forbidden page's sentence; empty when every role may. */
export function rolesForPage(pathname: string): readonly Role[] {
  const ability = abilityForPath(pathname);
  return ability ? rolesWith(ability) : [];
}

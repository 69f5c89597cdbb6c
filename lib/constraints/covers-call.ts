import type { Constraint, Constraints } from "@/lib/kernel/authorization-details";

/** What a decision knows of a call, as far as constraints go. */
export interface ConstrainedCall {
  scope: string;
  resource?: { type: string; id: string } | undefined;
  /** The call's `context.action`; when absent, the part of the scope key after its last ':' stands for it. */
  action?: string | undefined;
}

/** `crm.customers:read` → `read`; a key without ':' is its own action. */
export const actionOfScope = (scope: string): string => scope.slice(scope.lastIndexOf(":") + 1);

/** `tenant:acme` covers {tenant, acme}; `tenant:*` every tenant. The type is up to the first ':', so ids may hold ':'. */
export function locationCoversResource(location: string, resource: { type: string; id: string }): boolean {
  const colon = location.indexOf(":");
  const type = location.slice(0, colon);
  const id = location.slice(colon + 1);
  return type === resource.type && (id === "*" || id === resource.id);
}

export function entryCoversCall(entry: Constraint, call: ConstrainedCall): boolean {
  if (entry.scopes && !entry.scopes.includes(call.scope)) return false;
  if (entry.locations) {
    const { resource } = call;
    if (!resource || !entry.locations.some((location) => locationCoversResource(location, resource))) return false;
  }
  if (entry.actions && !entry.actions.includes(call.action ?? actionOfScope(call.scope))) return false;
  return true;
}

/**
 * Whether a grant's constraints let this call go ahead: always when it has none (null); otherwise only
 * when some entry covers it. An entry with locations covers no call that names no resource.
 */
export function coversCall(constraints: Constraints | null, call: ConstrainedCall): boolean {
  return constraints === null || constraints.some((entry) => entryCoversCall(entry, call));
}

import { readStoredRouting } from "@/lib/policy/routing-schemas";
import type { RoutedScope } from "./approval-progress";

/** A catalog entry's own routing: what requests filed before policies are decided by. */
export interface CatalogRouting {
  approverGroupId: string | null;
  approverGroupName: string | null;
  approvalsRequired: number;
}

/**
 * What a request's approvals are counted against: the routes its policy set decided at filing, or, for a
 * request filed before policies, its scopes' catalog routing (a scope since deleted from the catalog is
 * decided by one admin).
 */
export function routedScopesOf(
  request: { requestedScopes: readonly string[]; routing: unknown },
  catalog: (key: string) => CatalogRouting | undefined,
): RoutedScope[] {
  const routing = readStoredRouting(request.routing);
  if (routing?.outcome === "routed" && routing.routes.length > 0)
    return routing.routes.map((route) => ({
      key: route.scope,
      approverGroupId: route.groupId,
      approverGroupName: route.groupId ? route.group : null,
      approvalsRequired: route.quorum,
      stepUp: route.stepUp,
    }));
  return request.requestedScopes.map((key) => ({ key, ...(catalog(key) ?? { approverGroupId: null, approverGroupName: null, approvalsRequired: 1 }) }));
}

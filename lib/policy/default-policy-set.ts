import { ROUTE_TO_CATALOG } from "./policy-annotations";
import type { PolicyDocument } from "./schemas";

/**
 * The policy set Baton starts with. It decides exactly as the scope catalog did before policies: a scope
 * marked auto-approve is granted at once, every scope is routed to its approver group (admins when it has
 * none) with the approvals its catalog entry requires, and every call under a live grant is allowed. The
 * catalog fields stay the inputs, so editing a scope keeps working; replacing these policies (through
 * review) takes routing out of the catalog's hands.
 */
export const DEFAULT_POLICIES: readonly PolicyDocument[] = [
  {
    id: "catalog-requests",
    text: `@reason("An agent may ask for any scope it is eligible for")
permit (principal, action == Baton::Action::"request", resource);`,
  },
  {
    id: "catalog-auto-approve",
    text: `@reason("The scope is marked auto-approve in the catalog")
permit (principal, action == Baton::Action::"autoApprove", resource)
when { resource.autoApprove };`,
  },
  {
    id: "catalog-routing",
    text: `@reason("Routed to the scope's approver group (admins when it has none) with the approvals its catalog entry requires")
@route("${ROUTE_TO_CATALOG}")
permit (principal, action == Baton::Action::"route", resource);`,
  },
  {
    id: "catalog-calls",
    text: `@reason("A call is allowed while a live grant holds its scope")
permit (principal, action == Baton::Action::"call", resource);`,
  },
];

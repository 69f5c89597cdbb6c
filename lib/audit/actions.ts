/** Every kind of audit event Baton writes. Past tense: an event records what happened. */
export const AUDIT_ACTIONS = [
  "setup.link_issued",
  "setup.completed",
  "user.bootstrapped",
  "user.created",
  "user.signed_in",
  "user.sign_in_failed",
  "user.signed_out",
  "personal_token.created",
  "group.created",
  "scope.created",
  "agent.created",
  "agent.key_created",
  "agent.disabled",
  "request.filed",
  "request.approval_recorded",
  "request.approved",
  "request.denied",
  "request.cancelled",
  "request.expired",
  "grant.issued",
  "grant.expired",
  "grant.revoked",
  "incident.opened",
  "incident.resolved",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

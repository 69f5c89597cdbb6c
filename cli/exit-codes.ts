import type { AccessRequestDto } from "@/lib/requests/schemas";

/** Scripts branch on these, so they are part of the CLI's contract: never renumber them. */
export const EXIT_CODES = {
  ok: 0,
  error: 1,
  denied: 2,
  pending: 3,
  closedWithoutDecision: 4,
} as const;

/** `baton plan`'s own, as terraform plan -detailed-exitcode: 0 nothing to do, 1 error, 2 changes to apply. */
export const PLAN_EXIT_CODES = { noChanges: 0, error: 1, changes: 2 } as const;

const EXIT_CODE_BY_STATUS: Record<AccessRequestDto["status"], number> = {
  APPROVED: EXIT_CODES.ok,
  DENIED: EXIT_CODES.denied,
  PENDING: EXIT_CODES.pending,
  CANCELLED: EXIT_CODES.closedWithoutDecision,
  EXPIRED: EXIT_CODES.closedWithoutDecision,
};

export function exitCodeForStatus(status: AccessRequestDto["status"]): number {
  return EXIT_CODE_BY_STATUS[status];
}

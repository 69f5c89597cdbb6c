import type { RequestStatus } from "@/lib/generated/prisma/enums";
import { conflict } from "@/lib/kernel/errors";

/** The request state machine: only a pending request moves, and every move ends it. */
const NEXT: Record<RequestStatus, readonly RequestStatus[]> = {
  PENDING: ["APPROVED", "DENIED", "CANCELLED", "EXPIRED"],
  APPROVED: [],
  DENIED: [],
  CANCELLED: [],
  EXPIRED: [],
};

export function canTransition(from: RequestStatus, to: RequestStatus): boolean {
  return NEXT[from].includes(to);
}

export function isFinal(status: RequestStatus): boolean {
  return NEXT[status].length === 0;
}

export function assertTransition(from: RequestStatus, to: RequestStatus): void {
  if (!canTransition(from, to)) throw conflict(`The request is already ${from.toLowerCase()}; it cannot become ${to.toLowerCase()}`);
}

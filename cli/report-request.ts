import type { AccessRequestDto } from "@/lib/requests/schemas";
import type { CliContext } from "./cli-context";
import { formatDurationCompact } from "@/lib/kernel/duration";
import { formatRelative } from "./duration";
import { exitCodeForStatus } from "./exit-codes";
import { oneLine } from "./terminal-text";

/** How long `baton status --wait` is suggested for when a request is left pending. */
const SUGGESTED_WAIT = "5m";

/**
 * Prints where a request stands — or, with `json`, the request itself — and returns the exit code its
 * status maps to. `waitedSeconds` is set when the caller already waited, so a pending request reads as
 * "still pending" rather than "filed".
 */
export function reportRequest(request: AccessRequestDto, context: CliContext, options: { json: boolean; waitedSeconds?: number }): number {
  if (options.json) {
    context.print(JSON.stringify(request, null, 2));
    return exitCodeForStatus(request.status);
  }
  const reason = request.reason ? oneLine(request.reason) : null;
  switch (request.status) {
    case "APPROVED":
      printApproval(request, context);
      break;
    case "DENIED":
      context.print(`Denied: ${request.id}`);
      context.print(`  Reason: ${reason ?? "none given"}`);
      break;
    case "PENDING":
      context.print(options.waitedSeconds ? `Still pending after ${formatDurationCompact(options.waitedSeconds)}: ${request.id}` : `Pending: ${request.id}`);
      context.print(`  Lapses:  ${request.pendingExpiresAt} (${relativeTo(request.pendingExpiresAt)}) unless decided`);
      context.print(`  Wait with: baton status ${request.id} --wait ${SUGGESTED_WAIT}`);
      break;
    case "CANCELLED":
      context.print(`Cancelled: ${request.id}`);
      if (reason) context.print(`  Reason: ${reason}`);
      break;
    case "EXPIRED":
      context.print(`Lapsed: ${request.id} was not decided by ${request.pendingExpiresAt}`);
      break;
  }
  return exitCodeForStatus(request.status);
}

function printApproval(request: AccessRequestDto, context: CliContext): void {
  const { grant } = request;
  if (!grant) {
    context.print(`Approved: ${request.id} (the server sent no grant)`);
    return;
  }
  context.print(`Approved: ${grant.id}`);
  context.print(`  Scopes:  ${grant.scopes.join(", ")}`);
  // Approvers may narrow a request: say plainly what was asked for and not granted.
  const notGranted = request.scopes.filter((scope) => !grant.scopes.includes(scope));
  if (notGranted.length > 0) context.print(`  Not granted: ${notGranted.join(", ")}`);
  context.print(`  Expires: ${grant.expiresAt} (${formatRelative(grant.secondsRemaining)})`);
}

function relativeTo(isoDate: string): string {
  return formatRelative((Date.parse(isoDate) - Date.now()) / 1000);
}

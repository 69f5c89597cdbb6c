import { parseDuration } from "@/lib/kernel/duration";

/**
 * What Baton reads from a policy's annotations. `@reason` explains any outcome; a `route` permit names who
 * decides with `@route` (a group name, `admins`, or `catalog`: the scope's own approver group), `@quorum`
 * and `@stepup`; an `autoApprove` permit may cap the duration it grants at once with `@maxDuration`.
 */
export interface PolicyAnnotations {
  reason: string | null;
  route: string | null;
  quorum: number | null;
  stepUp: boolean;
  maxDurationSeconds: number | null;
}

export const ROUTE_TO_CATALOG = "catalog";
export const ROUTE_TO_ADMINS = "admins";
const KNOWN = new Set(["reason", "route", "quorum", "stepup", "maxDuration", "id", "description"]);
const MAX_QUORUM = 20;

/** Reads the annotations; each problem is returned as a message naming the annotation. */
export function readAnnotations(raw: Record<string, string> | undefined): { annotations: PolicyAnnotations; problems: string[] } {
  const annotations: PolicyAnnotations = { reason: null, route: null, quorum: null, stepUp: false, maxDurationSeconds: null };
  const problems: string[] = [];
  for (const name of Object.keys(raw ?? {})) {
    if (!KNOWN.has(name)) problems.push(`unknown annotation @${name}: Baton reads @reason, @route, @quorum, @stepup and @maxDuration`);
  }
  const reason = raw?.reason;
  if (reason !== undefined) {
    if (reason.trim() === "" || reason.length > 500) problems.push("@reason must be 1 to 500 characters");
    else annotations.reason = reason.trim();
  }
  const route = raw?.route;
  if (route !== undefined) {
    if (!/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,79}$/.test(route)) problems.push('@route must name an approver group, "admins" or "catalog"');
    else annotations.route = route;
  }
  const quorum = raw?.quorum;
  if (quorum !== undefined) {
    const count = /^\d{1,2}$/.test(quorum) ? Number(quorum) : NaN;
    if (!(count >= 1 && count <= MAX_QUORUM)) problems.push(`@quorum must be a whole number from 1 to ${MAX_QUORUM}`);
    else annotations.quorum = count;
  }
  const stepUp = raw?.stepup;
  if (stepUp !== undefined) {
    if (stepUp !== "true" && stepUp !== "false" && stepUp !== "") problems.push('@stepup must be "true" or "false"');
    else annotations.stepUp = stepUp !== "false";
  }
  const maxDuration = raw?.maxDuration;
  if (maxDuration !== undefined) {
    const seconds = parseDuration(maxDuration, { bareSeconds: true });
    if (!seconds || seconds <= 0) problems.push('@maxDuration must be a duration such as "PT1H", "30m" or "3600"');
    else annotations.maxDurationSeconds = seconds;
  }
  return { annotations, problems };
}

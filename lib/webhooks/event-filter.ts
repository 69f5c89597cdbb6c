import { z } from "zod";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";

const DOMAINS = new Set(AUDIT_ACTIONS.map((action) => action.split(".")[0]!));
const ACTIONS = new Set<string>(AUDIT_ACTIONS);

/** One entry of an endpoint's event filter: an audit action (`grant.revoked`), a prefix (`grant.*`) or `*` for every event. */
export const eventTypeSchema = z
  .string()
  .refine(
    (entry) => entry === "*" || ACTIONS.has(entry) || (entry.endsWith(".*") && DOMAINS.has(entry.slice(0, -2))),
    "must be an audit action such as grant.revoked, a prefix such as grant.*, or *",
  )
  .meta({ example: "grant.*" });

export const eventFilterSchema = z.array(eventTypeSchema).min(1, "must name at least one event type").max(50);

/** Whether an audit action passes an endpoint's filter. */
export function matchesEventFilter(filter: readonly string[], action: string): boolean {
  return filter.some((entry) => entry === "*" || entry === action || (entry.endsWith(".*") && action.startsWith(entry.slice(0, -1))));
}

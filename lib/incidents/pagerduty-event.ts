import { z } from "zod";
import { emailSchema, isoDate, plainText } from "@/lib/kernel/common-schemas";
import { externalIdSchema, type OpenIncidentBody } from "./schemas";

/** A PagerDuty V3 webhook (`{"event": {"event_type", "data": {...}}}`): only what Baton maps is read; the rest is ignored. */
const envelope = z.object({ event: z.object({ event_type: z.string().max(100) }) });

const incidentData = z.object({
  id: externalIdSchema,
  title: plainText(200).pipe(z.string().min(1, "must not be empty")),
  description: plainText(4000).optional(),
  urgency: z.enum(["high", "low"]).optional(),
  priority: z.object({ summary: z.string().max(20) }).nullish(),
});
const triggered = z.object({ event: z.object({ data: incidentData }) });
const resolved = z.object({ event: z.object({ data: z.object({ id: externalIdSchema }) }) });

/** Baton's own event type (incident tools have no standard one): who is now on call for a schedule or escalation policy. */
export const ON_CALL_EVENT = "oncall.changed";
const summary = z.object({ summary: z.string().max(200) }).nullish();
const onCallChanged = z.object({
  event: z.object({
    data: z.object({
      group: z.string().max(200).optional(),
      schedule: summary,
      escalation_policy: summary,
      users: z.array(z.object({ email: emailSchema })).max(100),
      until: isoDate.nullish(),
    }),
  }),
});

export type IncidentToolEvent =
  | { kind: "triggered"; eventType: string; incident: OpenIncidentBody & { externalId: string } }
  | { kind: "resolved"; eventType: string; externalId: string }
  /** `groupNames`: the Baton group named by `group`, else the schedule's, else the escalation policy's name; the first that exists. */
  | { kind: "on-call"; eventType: string; groupNames: string[]; emails: string[]; until: Date | null }
  | { kind: "other"; eventType: string };

/** PagerDuty priorities P1…P5 when set, else urgency: high → SEV2, low → SEV3. */
function severityOf(data: z.infer<typeof incidentData>): OpenIncidentBody["severity"] {
  const priority = /^P([1-5])$/.exec(data.priority?.summary ?? "")?.[1];
  if (priority) return (["SEV1", "SEV2", "SEV3", "SEV4", "SEV4"] as const)[Number(priority) - 1]!;
  return data.urgency === "high" ? "SEV2" : "SEV3";
}

/**
 * Maps a verified payload to what Baton does: `incident.triggered` opens, `incident.resolved` resolves,
 * `oncall.changed` replaces who is on call for the Baton group it names; any other event type is
 * acknowledged and ignored. A known type with missing fields throws a ZodError (400).
 */
export function parseIncidentToolEvent(payload: unknown): IncidentToolEvent {
  const eventType = envelope.parse(payload).event.event_type;
  if (eventType === "incident.triggered") {
    const data = triggered.parse(payload).event.data;
    return { kind: "triggered", eventType, incident: { title: data.title, description: data.description, severity: severityOf(data), externalId: data.id } };
  }
  if (eventType === "incident.resolved") return { kind: "resolved", eventType, externalId: resolved.parse(payload).event.data.id };
  if (eventType === ON_CALL_EVENT) {
    const data = onCallChanged.parse(payload).event.data;
    const names = [data.group, data.schedule?.summary, data.escalation_policy?.summary].filter((name): name is string => Boolean(name));
    return {
      kind: "on-call",
      eventType,
      groupNames: [...new Set(names.flatMap((name) => [name, name.trim().toLowerCase()]))],
      emails: data.users.map((user) => user.email),
      until: data.until ? new Date(data.until) : null,
    };
  }
  return { kind: "other", eventType };
}

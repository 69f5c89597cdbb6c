import { z } from "zod";
import { optionalParam, plainText } from "@/lib/kernel/common-schemas";
import { AUDIT_ACTIONS } from "./actions";

/** A `datetime-local` field sends no zone: the page labels its time fields UTC, so a zoneless time is read as UTC. */
const instant = z.preprocess(
  (value) => {
    const parts = typeof value === "string" ? /^(\d{4}-\d\d-\d\dT\d\d:\d\d)(:\d\d(?:\.\d+)?)?(Z|[+-]\d\d:\d\d)?$/.exec(value) : null;
    return parts ? `${parts[1]}${parts[2] ?? ":00"}${parts[3] ?? "Z"}` : value;
  },
  z.iso.datetime({ offset: true, message: "must be a date and time such as 2026-11-24T12:00Z" }).transform((value) => new Date(value)),
);

/** Filters of the audit page and its exports; all optional and kept in the URL. */
export const auditFilterQuery = z
  .object({
    actor: optionalParam(plainText(320).meta({ description: "An email, an id (usr_…, agt_…), or a kind: system, anonymous, integration, resource_server" })),
    action: optionalParam(z.enum(AUDIT_ACTIONS, { message: "must be one of the audit actions" })),
    subject: optionalParam(plainText(128).meta({ description: "The id of what the event is about (grt_…, req_…)" })),
    from: optionalParam(instant),
    to: optionalParam(instant),
  })
  .refine((f) => !f.from || !f.to || f.from < f.to, { message: "must be after from", path: ["to"] });

export type AuditFilter = z.infer<typeof auditFilterQuery>;

export const auditPageQuery = z.intersection(
  auditFilterQuery,
  z.object({
    cursor: optionalParam(z.string().regex(/^\d{1,18}$/, "must be the nextCursor of the previous page")),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  }),
);

export type AuditPageQuery = z.infer<typeof auditPageQuery>;

export const auditExportQuery = z.intersection(auditFilterQuery, z.object({ format: z.enum(["csv", "jsonl"], { message: "must be csv or jsonl" }) }));

/**
 * One line of a JSON Lines export: every field the hash covers plus the link, so a file can be
 * re-verified offline (`npm run audit:verify -- --file`) with lib/audit/hash-event.ts.
 */
export const exportedAuditEventSchema = z.object({
  seq: z.number().int().positive(),
  id: z.string(),
  at: z.iso.datetime(),
  actorKind: z.string(),
  actorId: z.string().nullable(),
  action: z.string(),
  subjectKind: z.string(),
  subjectId: z.string(),
  agentId: z.string().nullable(),
  data: z.json(),
  prevHash: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});

export type ExportedAuditEvent = z.infer<typeof exportedAuditEventSchema>;

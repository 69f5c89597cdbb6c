import { z } from "zod";
import { scopeKeySchema } from "@/lib/kernel/common-schemas";
import { createScopeBody, updateScopeBody } from "./schemas";

const UNIT_SECONDS = { d: 86_400, h: 3_600, min: 60, m: 60, s: 1 } as const;
const DURATION_PART = /(\d+)(d|h|min|m|s)/g;

/** 5400 → "1 h 30 min": how Baton writes durations, and what the scope form reads back. */
export function formatDuration(seconds: number): string {
  const parts: string[] = [];
  let rest = seconds;
  for (const unit of ["d", "h", "min", "s"] as const) {
    const amount = Math.floor(rest / UNIT_SECONDS[unit]);
    rest -= amount * UNIT_SECONDS[unit];
    if (amount > 0) parts.push(`${amount} ${unit}`);
  }
  return parts.join(" ") || "0 s";
}

/** "1 h 30 min", "90m", "2d" → seconds; null when it is not written that way. */
export function parseDuration(text: string): number | null {
  const compact = text.toLowerCase().replace(/\s+/g, "");
  if (!/^(\d+(d|h|min|m|s))+$/.test(compact)) return null;
  let seconds = 0;
  for (const [, amount, unit] of compact.matchAll(DURATION_PART)) seconds += Number(amount) * UNIT_SECONDS[unit as keyof typeof UNIT_SECONDS];
  return seconds;
}

/** The API's limits on a scope's max duration, worded the way people write durations. */
const maxDurationSchema = createScopeBody.shape.maxDurationSeconds;
const outOfRange = `must be between ${formatDuration(maxDurationSchema.minValue ?? 0)} and ${formatDuration(maxDurationSchema.maxValue ?? 0)}`;

const durationField = z.string().transform((text, context) => {
  const seconds = parseDuration(text);
  if (seconds === null) context.addIssue({ code: "custom", message: "write a duration such as 15 min, 1 h or 2 d" });
  else if (!maxDurationSchema.safeParse(seconds).success) context.addIssue({ code: "custom", message: outOfRange });
  return seconds ?? z.NEVER;
});

/** What a form says differently from the API: a written duration, a number as text, "none", a checkbox. */
const formFields = {
  maxDurationSeconds: durationField,
  approvalsRequired: z.coerce.number().pipe(createScopeBody.shape.approvalsRequired.unwrap()),
  approverGroup: z
    .string()
    .transform((name) => name || null)
    .pipe(createScopeBody.shape.approverGroup.unwrap()),
  resourceServer: z
    .string()
    .transform((audience) => audience || null)
    .pipe(createScopeBody.shape.resourceServer.unwrap()),
  autoApprove: z
    .literal("on")
    .optional()
    .transform((checked) => checked === "on"),
};

export const createScopeForm = z.object({ ...createScopeBody.shape, ...formFields });

/** The edit form sends every field, so an unchanged one is written back as it was. */
export const updateScopeForm = z.object({ key: scopeKeySchema, ...updateScopeBody.shape, ...formFields });

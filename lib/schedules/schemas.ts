import { z } from "zod";
import { idOf, isoDate, plainText } from "@/lib/kernel/common-schemas";

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A name policies refer to (`prod-change-window`). */
export const scheduleNameSchema = z.string().regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, "must be 2–63 characters of a–z, 0–9, '.', '_' or '-'");

/** An IANA zone the runtime knows (`Europe/Berlin`, `UTC`), stored under its canonical spelling. */
export const timezoneSchema = z
  .string()
  .max(64)
  .transform((zone, context) => {
    try {
      return new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
    } catch {
      context.addIssue({ code: "custom", message: "must be an IANA time zone such as Europe/Berlin" });
      return z.NEVER;
    }
  })
  .meta({ example: "Europe/Berlin" });

const wallTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a time HH:MM from 00:00 to 23:59");

export const weeklyRuleSchema = z
  .strictObject({
    days: z.array(z.enum(WEEKDAYS)).min(1, "must name at least one day").max(7),
    start: wallTime,
    end: wallTime.meta({ description: "At or before `start`: the window runs past midnight into the next day" }),
  })
  .transform((rule) => ({ ...rule, days: WEEKDAYS.filter((day) => rule.days.includes(day)) }))
  .meta({ id: "WeeklyRule" });

export const oneOffWindowSchema = z
  .strictObject({ startsAt: isoDate, endsAt: isoDate, note: plainText(200).default("") })
  .refine((window) => Date.parse(window.endsAt) > Date.parse(window.startsAt), { message: "must end after it starts", path: ["endsAt"] })
  .transform((window) => ({ ...window, startsAt: new Date(window.startsAt).toISOString(), endsAt: new Date(window.endsAt).toISOString() }))
  .meta({ id: "OneOffWindow" });

const scheduleFields = {
  description: plainText(500).default(""),
  timezone: timezoneSchema,
  weeklyRules: z.array(weeklyRuleSchema).max(50).default([]),
  oneOffWindows: z.array(oneOffWindowSchema).max(200).default([]),
};

export const createScheduleBody = z.strictObject({ name: scheduleNameSchema, ...scheduleFields }).meta({ id: "CreateSchedule" });

export const updateScheduleBody = z
  .strictObject({
    name: scheduleNameSchema.optional(),
    description: plainText(500).optional(),
    timezone: timezoneSchema.optional(),
    weeklyRules: scheduleFields.weeklyRules.unwrap().optional(),
    oneOffWindows: scheduleFields.oneOffWindows.unwrap().optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), "must change at least one field")
  .meta({ id: "UpdateSchedule" });

export const scheduleSchema = z
  .object({
    id: z.string(),
    name: scheduleNameSchema,
    description: z.string(),
    timezone: z.string(),
    weeklyRules: z.array(z.object({ days: z.array(z.enum(WEEKDAYS)), start: z.string(), end: z.string() })),
    oneOffWindows: z.array(z.object({ startsAt: isoDate, endsAt: isoDate, note: z.string() })),
    openNow: z.boolean().meta({ description: "Whether the schedule is open at the time of the answer" }),
    nextTransition: z
      .object({ at: isoDate, open: z.boolean().meta({ description: "true: it opens then; false: it closes then" }) })
      .nullable()
      .meta({ description: "The next time it opens or closes; null when it never changes again" }),
    createdAt: isoDate,
    updatedAt: isoDate,
  })
  .meta({ id: "Schedule" });

export const scheduleParams = z.object({ id: idOf("sch") });

export type WeeklyRule = z.output<typeof weeklyRuleSchema>;
export type OneOffWindow = z.output<typeof oneOffWindowSchema>;
export type CreateScheduleBody = z.output<typeof createScheduleBody>;
export type UpdateScheduleBody = z.output<typeof updateScheduleBody>;
export type ScheduleDto = z.infer<typeof scheduleSchema>;

/** What the schedule math reads: a timezone, weekly rules in it and one-off windows in UTC. */
export interface ScheduleRules {
  timezone: string;
  weeklyRules: readonly { days: readonly Weekday[]; start: string; end: string }[];
  oneOffWindows: readonly { startsAt: string; endsAt: string }[];
}

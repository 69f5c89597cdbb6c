import { z } from "zod";
import { formatWindow, formatWeeklyRule, parseWeeklyRuleLine, parseWindowLine } from "./rule-text";
import { createScheduleBody, scheduleParams, type CreateScheduleBody } from "./schemas";

const linesOf = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * The schedule form: rules and windows one per line (lib/schedules/rule-text.ts), each refused line named
 * by its number under its box; the result is parsed by the API's own schema, so both accept the same.
 */
export const scheduleForm = z
  .object({
    id: z.string().optional(),
    name: z.string(),
    description: z.string().default(""),
    timezone: z.string(),
    weeklyRules: z.string().default(""),
    oneOffWindows: z.string().default(""),
  })
  .transform((form, context): CreateScheduleBody & { id?: string } => {
    const fail = (field: string, message: string) => context.addIssue({ code: "custom", path: [field], message });
    if (form.id !== undefined && !scheduleParams.shape.id.safeParse(form.id).success) fail("id", "is not a schedule id");
    const timezone = createScheduleBody.shape.timezone.safeParse(form.timezone.trim());
    const weeklyRules = linesOf(form.weeklyRules).map((line, index) => {
      const rule = parseWeeklyRuleLine(line);
      if (typeof rule === "string") fail("weeklyRules", `line ${index + 1}: ${rule}`);
      return rule;
    });
    const oneOffWindows = timezone.success
      ? linesOf(form.oneOffWindows).map((line, index) => {
          const window = parseWindowLine(line, timezone.data);
          if (typeof window === "string") fail("oneOffWindows", `line ${index + 1}: ${window}`);
          return window;
        })
      : [];
    const body = createScheduleBody.safeParse({
      name: form.name.trim(),
      description: form.description,
      timezone: form.timezone.trim(),
      weeklyRules,
      oneOffWindows,
    });
    if (!body.success) {
      for (const issue of body.error.issues) {
        const [field, index] = issue.path;
        // A line already refused above has said why.
        if ((field === "weeklyRules" || field === "oneOffWindows") && typeof index === "number") {
          const line = (field === "weeklyRules" ? weeklyRules : oneOffWindows)[index];
          if (typeof line !== "string") fail(field, `line ${index + 1}: ${issue.path.slice(2).join(".") || "it"} ${issue.message}`);
        } else fail(String(field ?? "form"), issue.message);
      }
      return z.NEVER;
    }
    return { ...body.data, ...(form.id !== undefined && { id: form.id }) };
  });

/** The form's text for an existing schedule's rules and windows. */
export function scheduleFormText(schedule: {
  timezone: string;
  weeklyRules: CreateScheduleBody["weeklyRules"];
  oneOffWindows: CreateScheduleBody["oneOffWindows"];
}) {
  return {
    weeklyRules: schedule.weeklyRules.map(formatWeeklyRule).join("\n"),
    oneOffWindows: schedule.oneOffWindows.map((window) => formatWindow(window, schedule.timezone)).join("\n"),
  };
}

export const scheduleIdForm = z.object({ id: scheduleParams.shape.id });

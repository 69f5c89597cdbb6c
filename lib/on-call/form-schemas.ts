import { z } from "zod";
import { idOf } from "@/lib/kernel/common-schemas";
import { parseDuration } from "@/lib/kernel/duration";

const ON_CALL_FIELD = "onCall:";

/** One checkbox per member: formAction reads FormData as an object, where repeated names would collapse. */
export const onCallField = (userId: string) => `${ON_CALL_FIELD}${userId}`;

const MAX_SHIFT_SECONDS = 30 * 86_400;

/** The on-call dialog: members ticked, and for how long (empty: until changed again). */
export const onCallForm = z.preprocess(
  (form: Record<string, unknown>) => ({
    ...form,
    userIds: Object.keys(form)
      .filter((field) => field.startsWith(ON_CALL_FIELD))
      .map((field) => field.slice(ON_CALL_FIELD.length)),
  }),
  z.object({
    id: idOf("grp"),
    userIds: z.array(idOf("usr")).max(100),
    forDuration: z
      .string()
      .default("")
      .transform((text, context) => {
        if (!text.trim()) return null;
        const seconds = parseDuration(text);
        if (seconds === null || seconds < 60 || seconds > MAX_SHIFT_SECONDS) {
          context.addIssue({ code: "custom", message: "write a duration from 1 min to 30 d, such as 8 h, or leave empty" });
          return z.NEVER;
        }
        return seconds;
      }),
  }),
);

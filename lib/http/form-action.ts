import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { requireUser, type SignedInPerson } from "@/lib/auth/current-user";
import { AppError } from "@/lib/kernel/errors";
import type { PersonPrincipal } from "@/lib/kernel/principal";
import { assertSameOrigin } from "./same-origin";

export interface FormState {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
  /** What was submitted, minus secrets, so a refused form keeps what the person typed. */
  values?: Record<string, string>;
}

const SECRET_FIELD = /password|token|secret/i;

function echoValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === "string" && !key.startsWith("$") && !SECRET_FIELD.test(key)) values[key] = value;
  return values;
}

/** `allow` names the rule (lib/authorization/rules.ts, e.g. mayAdminister) the signed-in person must pass. */
type Access = { access: "public" } | { access: "signed-in"; allow?: (principal: PersonPrincipal) => boolean };

/**
 * The one wrapper for server actions: same-origin check → authenticate → authorize by the named rule → zod
 * parse → handler → errors mapped to form state. Server actions can be POSTed directly, so each
 * check happens here, never only in a page or the proxy.
 */
export function formAction<Schema extends z.ZodType, Context extends Access>(
  options: Context & { schema: Schema },
  handler: (input: z.infer<Schema>, principal: Context extends { access: "public" } ? null : SignedInPerson) => Promise<FormState | void>,
) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    const values = echoValues(formData);
    try {
      await assertSameOrigin();
      const principal = options.access === "public" ? null : await requireUser(options.allow);
      const parsed = options.schema.safeParse(Object.fromEntries(formData));
      if (!parsed.success) {
        const fieldErrors: Record<string, string> = {};
        for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".") || "form"] ??= issue.message;
        return { fieldErrors, values, message: "Check the highlighted fields" };
      }
      return (await handler(parsed.data, principal as never)) ?? { ok: true };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof AppError) {
        // A domain refusal that names fields (same names as the API's) marks them on the form too.
        const fieldErrors = error.details.errors?.length
          ? Object.fromEntries(error.details.errors.map((fieldError) => [fieldError.field, fieldError.message]))
          : undefined;
        return { message: error.message, values, ...(fieldErrors && { fieldErrors }) };
      }
      const reference = crypto.randomUUID();
      console.error(`[baton] server action failed (reference ${reference})`, error);
      return { message: `Something went wrong. Reference ${reference}.`, values };
    }
  };
}

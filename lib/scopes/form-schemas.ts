import { z } from "zod";
import { scopeKeySchema, tagListText } from "@/lib/kernel/common-schemas";
import { formatDuration, parseDuration } from "@/lib/kernel/duration";
import { scopeCredentialsSchema } from "@/lib/credentials/schemas";
import { createScopeBody, updateScopeBody } from "./schemas";

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
  tags: tagListText,
  autoApprove: z
    .literal("on")
    .optional()
    .transform((checked) => checked === "on"),
};

/** A provider chosen from a list ("" = none) and its privileges one per line → the API's `credentials`. */
const credentialFields = {
  credentialProvider: z.string().max(63).optional().default(""),
  credentialPrivileges: z.string().max(20_000).optional().default(""),
};
function withCredentials<T extends { credentialProvider: string; credentialPrivileges: string }>(
  { credentialProvider, credentialPrivileges, ...rest }: T,
  context: z.RefinementCtx,
) {
  const privileges = credentialPrivileges
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const credentials = credentialProvider ? { provider: credentialProvider, privileges } : null;
  const checked = credentials && scopeCredentialsSchema.safeParse(credentials);
  if (checked && !checked.success)
    context.addIssue({ code: "custom", path: ["credentialPrivileges"], message: checked.error.issues[0]?.message ?? "check the privileges" });
  return { ...rest, credentials };
}

export const createScopeForm = z.object({ ...createScopeBody.shape, ...formFields, ...credentialFields }).transform(withCredentials);

/** The edit form sends every field, so an unchanged one is written back as it was. */
export const updateScopeForm = z.object({ key: scopeKeySchema, ...updateScopeBody.shape, ...formFields, ...credentialFields }).transform(withCredentials);

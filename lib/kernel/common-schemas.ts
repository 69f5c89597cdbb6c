import { z } from "zod";

/** Scope keys: lower-case ASCII only, so homoglyphs, wildcards, spaces, separators and case tricks never parse. */
export const scopeKeySchema = z
  .string()
  .regex(/^[a-z0-9:._-]{1,64}$/, "must be 1–64 characters of a–z, 0–9, ':', '.', '_' or '-'")
  .meta({ example: "crm.customers:read" });

/** Free text shown to approvers: no control or invisible formatting characters (CR/LF, ANSI escapes, bidi overrides, zero-width). */
export const plainText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !/[\p{Cc}\p{Cf}]/u.test(value), "must not contain control or invisible formatting characters");

export const idOf = (prefix: string) => z.string().regex(new RegExp(`^${prefix}_[0-9a-z]{26}$`), `must be a ${prefix}_ id`);

export const isoDate = z.iso.datetime().meta({ example: "2026-11-24T12:00:00.000Z" });

/** Sign-in passwords, wherever one is set (first-run setup, an admin creating a person). */
export const passwordSchema = z.string().min(12, "Use at least 12 characters").max(256, "Use at most 256 characters");

export const emailSchema = z.email("must be an email address").max(320);

/** An optional query parameter; a GET form leaves unused fields empty, and an empty value means "not given". */
export const optionalParam = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

export const cursorPageQuery = z.object({
  cursor: z
    .string()
    .max(64)
    .regex(/^[\x21-\x7e]*$/, "must be the nextCursor of a previous page")
    .optional()
    .meta({ description: "The `nextCursor` of the previous page" }),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page" }) });

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details" });

/** Labels on agents and scopes that policies match (`oncall-bot`, `pii`): lower-case slugs, each once, sorted. */
export const tagsSchema = z
  .array(z.string().regex(/^[a-z0-9][a-z0-9._-]{0,39}$/, "must be a tag of 1–40 characters: a–z, 0–9, '.', '_' or '-', starting with a letter or digit"))
  .max(20, "must be at most 20 tags")
  .transform((tags) => [...new Set(tags)].sort())
  .meta({ example: ["oncall-bot", "prod"] });

/** Tags typed in one form box, separated by commas or spaces; a refused tag is named under the box. */
export const tagListText = z.string().transform((text, context) => {
  const tags = text
    .toLowerCase()
    .split(/[\s,;]+/)
    .filter(Boolean);
  const parsed = tagsSchema.safeParse(tags);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const index = issue.path[0];
    context.addIssue({ code: "custom", message: typeof index === "number" ? `${tags[index]} ${issue.message}` : issue.message });
  }
  return z.NEVER;
});

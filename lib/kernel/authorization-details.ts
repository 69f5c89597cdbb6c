import { z } from "zod";
import { scopeKeySchema } from "./common-schemas";

/** The one `type` of RFC 9396 authorization details Baton understands; any other is refused, as §5 requires. */
export const CONSTRAINT_TYPE = "baton_constraint";
/** At most this many entries on a request, an approval or a grant. */
export const MAX_CONSTRAINTS = 20;
const MAX_VALUES = 20;
/** The whole list, as JSON: small enough that a grant token carrying it stays far below MAX_GRANT_TOKEN_LENGTH. */
export const MAX_CONSTRAINTS_JSON_LENGTH = 4096;

/** A resource type (`tenant`, `repo`…): what a location names before its first ':'. */
export const resourceTypeSchema = z.string().regex(/^[a-z][a-z0-9_.-]{0,63}$/, "must be 1–64 characters of a–z, 0–9, '_', '.' or '-', starting with a letter");
/** A resource id: printable, no spaces, and never '*', which a location reserves for "every id". */
export const resourceIdSchema = z.string().regex(/^[^\s*\p{Cc}\p{Cf}]{1,128}$/u, "must be 1–128 printable characters without spaces or '*'");

/** `<type>:<id>` (`tenant:acme`), or `<type>:*` for every id of that type. */
export const locationSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_.-]{0,63}:(\*|[^\s*\p{Cc}\p{Cf}]{1,128})$/u, "must be <type>:<id> or <type>:*, e.g. tenant:acme")
  .meta({ example: "tenant:acme" });

/** What a call does (`read`, `write`): compared with the call's `context.action`, or the part of its scope key after the last ':'. */
export const actionSchema = z.string().regex(/^[a-z0-9._-]{1,64}$/, "must be 1–64 characters of a–z, 0–9, '.', '_' or '-'");

const distinct = <T extends z.ZodType<string>>(item: T, what: string) =>
  z
    .array(item)
    .min(1, `must name at least one ${what}, or be left out`)
    .max(MAX_VALUES, `must name at most ${MAX_VALUES}`)
    .refine((values) => new Set(values).size === values.length, `must not repeat a ${what}`);

export const constraintSchema = z
  .strictObject({
    type: z.literal(CONSTRAINT_TYPE, `must be "${CONSTRAINT_TYPE}", the only authorization details type Baton knows`),
    locations: distinct(locationSchema, "location").optional().meta({ description: "Where the calls may reach: <type>:<id> or <type>:*; absent = anywhere" }),
    actions: distinct(actionSchema, "action").optional().meta({ description: "Which actions the calls may take; absent = any" }),
    scopes: distinct(scopeKeySchema, "scope").optional().meta({ description: "Which of the grant's scopes this entry applies to; absent = all" }),
  })
  .meta({ id: "Constraint" });

/**
 * RFC 9396 `authorization_details` of type `baton_constraint`: an allow-list. A call under a constrained
 * grant goes ahead only when some entry covers it. Absent (null) means unconstrained.
 */
export const constraintsSchema = z
  .array(constraintSchema)
  .min(1, "must hold at least one entry, or be left out")
  .max(MAX_CONSTRAINTS, `must hold at most ${MAX_CONSTRAINTS} entries`)
  .refine((list) => JSON.stringify(list).length <= MAX_CONSTRAINTS_JSON_LENGTH, `must be at most ${MAX_CONSTRAINTS_JSON_LENGTH} characters as JSON`)
  .meta({ id: "AuthorizationDetails" });

export type Constraint = z.infer<typeof constraintSchema>;
export type Constraints = Constraint[];

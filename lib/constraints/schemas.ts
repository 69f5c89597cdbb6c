import { z } from "zod";
import { actionSchema, constraintsSchema, resourceIdSchema, resourceTypeSchema } from "@/lib/kernel/authorization-details";

export { constraintSchema, constraintsSchema, type Constraint, type Constraints } from "@/lib/kernel/authorization-details";

/** The request body's field: constraints an agent asks for, or an approver narrows to. */
export const authorizationDetailsField = constraintsSchema.optional().meta({
  description:
    'RFC 9396 authorization details of type "baton_constraint" (an allow-list: a call goes ahead only when some entry covers it), e.g. [{"type":"baton_constraint","locations":["tenant:acme"],"actions":["read"]}]; absent = unconstrained',
});

const MAX_PROPERTIES = 32;
const propertyValue = z.union([z.string().max(256, "must be at most 256 characters"), z.number(), z.boolean()]);

/** The object a call touches, as a resource server describes it to a decision. */
export const callResourceSchema = z
  .strictObject({
    type: resourceTypeSchema,
    id: resourceIdSchema,
    properties: z
      .record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, "must be an identifier of at most 64 characters"), propertyValue)
      .refine((properties) => Object.keys(properties).length <= MAX_PROPERTIES, `must have at most ${MAX_PROPERTIES} properties`)
      .optional()
      .meta({ description: "Attributes of the resource (strings of at most 256 characters, numbers, booleans)" }),
  })
  .meta({ id: "CallResource", description: 'The object the call touches, e.g. {type: "tenant", id: "acme"}; a grant\'s location tenant:acme covers it' });

export const callContextSchema = z
  .strictObject({
    action: actionSchema.optional().meta({ description: "What the call does (read, write…); default: the part of the scope key after its last ':'" }),
  })
  .meta({ id: "CallContext" });

export type CallResource = z.infer<typeof callResourceSchema>;
export type CallContext = z.infer<typeof callContextSchema>;

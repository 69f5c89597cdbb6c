import { z } from "zod";
import { policyExplanationSchema } from "./schemas";

const outcome = z.enum(["denied", "auto_approved", "routed"]);

/** What a request's filing decided, as stored on the request (its `routes` are what approvals are counted against). */
export const storedRoutingSchema = z.object({
  outcome,
  policies: z.array(policyExplanationSchema),
  requirements: z.array(
    z.object({
      groupId: z.string().nullable(),
      group: z.string(),
      quorum: z.number().int(),
      stepUp: z.boolean(),
      scopes: z.array(z.string()),
      policies: z.array(z.string()),
    }),
  ),
  routes: z.array(z.object({ scope: z.string(), groupId: z.string().nullable(), group: z.string(), quorum: z.number().int(), stepUp: z.boolean() })),
  notes: z.array(z.string()),
  policyError: z.boolean(),
  policySetHash: z.string(),
});
export type StoredRouting = z.infer<typeof storedRoutingSchema>;

/** The routing as callers see it: the outcome, the policies behind it and, for a routed request, who decides. */
export const routingSchema = z
  .object({
    outcome: outcome.meta({ description: "denied (a policy forbids it), auto_approved (granted at once) or routed (waits for people)" }),
    policies: z.array(policyExplanationSchema).meta({ description: "The policies that decided the outcome, with their @reason" }),
    requirements: z
      .array(
        z.object({
          group: z.string().meta({ description: "An approver group's name, or admins" }),
          quorum: z.number().int().meta({ description: "How many distinct members must approve" }),
          stepUp: z.boolean().meta({ description: "Approvers must have signed in within the last minutes" }),
          scopes: z.array(z.string()),
        }),
      )
      .meta({ description: "Who decides a routed request: every group's quorum must be met" }),
    notes: z.array(z.string()).meta({ description: "Fallbacks and limits that shaped the outcome" }),
    policySetHash: z.string().meta({ description: "The policy set version that decided" }),
  })
  .meta({ id: "Routing" });
export type RoutingDto = z.infer<typeof routingSchema>;

/** The stored routing of a request (null for requests filed before policies, or unreadable). */
export function readStoredRouting(value: unknown): StoredRouting | null {
  const parsed = storedRoutingSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export const toRoutingDto = (routing: StoredRouting): RoutingDto => ({
  outcome: routing.outcome,
  policies: routing.policies,
  requirements: routing.requirements.map(({ group, quorum, stepUp, scopes }) => ({ group, quorum, stepUp, scopes })),
  notes: routing.notes,
  policySetHash: routing.policySetHash,
});

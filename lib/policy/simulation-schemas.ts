import { z } from "zod";
import { emailSchema, idOf, isoDate, plainText, scopeKeySchema } from "@/lib/kernel/common-schemas";
import { routingSchema } from "./routing-schemas";
import { policyExplanationSchema, policyListSchema } from "./schemas";

export const MAX_SIMULATED_DAYS = 90;

export const hypotheticalRequestSchema = z
  .strictObject({
    agentId: idOf("agt"),
    scopes: z.array(scopeKeySchema).min(1).max(20),
    durationSeconds: z
      .number()
      .int()
      .min(60)
      .max(7 * 24 * 3600),
    onBehalfOf: emailSchema.optional(),
    incidentId: idOf("inc").optional(),
    justification: plainText(1000).optional(),
    contextRef: plainText(200).optional(),
  })
  .meta({ id: "HypotheticalRequest", description: "A request as an agent might file it now" });
export type HypotheticalRequest = z.infer<typeof hypotheticalRequestSchema>;

export const simulateBody = z
  .strictObject({
    policies: policyListSchema,
    since: isoDate.optional().meta({ description: `Replay requests filed since then (default: 30 days ago; at most ${MAX_SIMULATED_DAYS} days)` }),
    request: hypotheticalRequestSchema.optional(),
  })
  .meta({ id: "SimulatePolicies" });

const outcome = z.enum(["denied", "auto_approved", "routed"]);

export const simulationSchema = z
  .object({
    since: isoDate,
    until: isoDate,
    requestCount: z.number().int().meta({ description: "Requests replayed" }),
    unchanged: z.number().int(),
    skipped: z.number().int().meta({ description: "Requests whose agent or scopes no longer exist" }),
    truncated: z.boolean().meta({ description: "True when the period held more requests than are replayed (the newest are)" }),
    transitions: z.array(
      z.object({
        from: outcome,
        to: outcome,
        approversChanged: z.boolean().meta({ description: "routed → routed, to different approvers" }),
        count: z.number().int(),
        requests: z.array(z.object({ id: z.string(), policies: z.array(policyExplanationSchema) })).meta({ description: "Up to 50 of them" }),
      }),
    ),
    hypothetical: z.object({ current: routingSchema, proposed: routingSchema }).optional(),
  })
  .meta({ id: "PolicySimulation" });
export type SimulationResult = z.infer<typeof simulationSchema>;

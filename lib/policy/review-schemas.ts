import { z } from "zod";
import { idOf, plainText } from "@/lib/kernel/common-schemas";
import { policyDocumentSchema, policyListSchema } from "./schemas";

/** The person a version or proposal names (null: Baton itself, for the generated default). */
export const policyPersonSchema = z.object({ id: z.string(), name: z.string(), email: z.string() }).meta({ id: "PolicyPerson" });

export const activePolicySetSchema = z
  .object({
    version: z.string().meta({ description: "The active version's id" }),
    hash: z.string().meta({ description: "SHA-256 over the canonical set" }),
    note: z.string(),
    author: policyPersonSchema.nullable().meta({ description: "Who proposed it; null for the set Baton generated from the scope catalog" }),
    approvedBy: policyPersonSchema.nullable(),
    activatedAt: z.iso.datetime(),
    policies: z.array(policyDocumentSchema),
  })
  .meta({ id: "ActivePolicySet" });
export type ActivePolicySetDto = z.infer<typeof activePolicySetSchema>;

export const policySetDiffSchema = z
  .object({
    added: z.number().int(),
    removed: z.number().int(),
    changed: z.number().int(),
    unchanged: z.number().int(),
    policies: z.array(
      z.object({
        id: z.string(),
        change: z.enum(["added", "removed", "changed"]),
        patch: z.string().meta({ description: "Unified diff of the policy's text" }),
      }),
    ),
  })
  .meta({ id: "PolicySetDiff", description: "Per policy added, removed or changed against the set the proposal was written against" });
export type PolicySetDiff = z.infer<typeof policySetDiffSchema>;

export const policyProposalStatus = z.enum(["pending", "approved", "rejected"]);
export type PolicyProposalStatusName = z.infer<typeof policyProposalStatus>;

export const policyProposalSummarySchema = z
  .object({
    id: z.string(),
    status: policyProposalStatus,
    note: z.string(),
    hash: z.string(),
    baseVersionId: z.string(),
    /** Pending, and another version became active since it was written: approving it is refused. */
    stale: z.boolean().meta({ description: "Pending, but another version became active since it was written: it must be proposed again" }),
    proposedBy: policyPersonSchema,
    createdAt: z.iso.datetime(),
    decidedBy: policyPersonSchema.nullable(),
    decidedAt: z.iso.datetime().nullable(),
    decisionNote: z.string().nullable(),
    /** The version its approval created. */
    versionId: z.string().nullable(),
    changes: z.object({ added: z.number().int(), removed: z.number().int(), changed: z.number().int() }),
  })
  .meta({ id: "PolicyProposalSummary" });
export type PolicyProposalSummary = z.infer<typeof policyProposalSummarySchema>;

export const policyProposalSchema = policyProposalSummarySchema
  .extend({ policies: z.array(policyDocumentSchema), diff: policySetDiffSchema })
  .meta({ id: "PolicyProposal" });
export type PolicyProposalDto = z.infer<typeof policyProposalSchema>;

export const policiesBody = z.strictObject({ policies: policyListSchema });

export const proposePoliciesBody = z.strictObject({
  policies: policyListSchema,
  note: plainText(1000).pipe(z.string().min(1, "say what the change is for")),
});

export const rejectProposalBody = z.strictObject({ note: plainText(1000).optional() }).optional();

export const policyProposalParams = z.object({ id: idOf("ppr") });

export const listPolicyProposalsQuery = z.object({ status: policyProposalStatus.optional() });

export const policyValidationAnswer = z.object({ valid: z.literal(true) }).meta({ id: "PolicyValidation" });

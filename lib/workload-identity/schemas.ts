import { z } from "zod";
import { idOf, isoDate } from "@/lib/kernel/common-schemas";
import { agentParams } from "@/lib/agents/route-params";

const httpUrl = z
  .url({ protocol: /^https?$/ })
  .max(500)
  .refine((value) => {
    // Refinements run even when the URL check failed: judge only what parses.
    if (!URL.canParse(value)) return true;
    const url = new URL(value);
    return !url.username && !url.password && !url.hash;
  }, "must not carry credentials or a fragment");

/** A value to match a claim with: exact, or with `*` standing for any run of characters (as cloud IAM trust policies write them). */
const claimPattern = z
  .string()
  .min(1)
  .max(500)
  .refine((value) => !/[\p{Cc}\p{Cf}]/u.test(value), "must not contain control or invisible formatting characters");

export const createWorkloadIssuerBody = z
  .strictObject({
    name: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, "must be 2–63 characters of a–z, 0–9, '.', '_' or '-'"),
    issuer: httpUrl.meta({
      description: "The exact `iss` of the platform's tokens, e.g. https://token.actions.githubusercontent.com",
      example: "https://token.actions.githubusercontent.com",
    }),
    audience: z
      .string()
      .regex(/^[\x21-\x7e]{1,200}$/, "must be 1–200 printable ASCII characters without spaces")
      .meta({ description: "The `aud` the platform's tokens for Baton carry (you choose it in the workflow or the projected token)" }),
    jwksUri: httpUrl.optional().meta({ description: "Where the issuer's keys are; default: discovered at <issuer>/.well-known/openid-configuration" }),
  })
  .meta({ id: "CreateWorkloadIssuer" });

export const workloadIssuerSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    issuer: z.string(),
    audience: z.string(),
    jwksUri: z.string().nullable(),
    federatedIdentities: z.number().int().meta({ description: "How many agent bindings use this issuer" }),
    createdAt: isoDate,
  })
  .meta({ id: "WorkloadIssuer" });

export const workloadIssuerParams = z.object({ id: idOf("wli") });

export const createFederatedIdentityBody = z
  .strictObject({
    issuerId: idOf("wli"),
    subject: claimPattern.optional().meta({
      description: "The token's `sub`, exact or with `*` globs (e.g. system:serviceaccount:deploy:runner, spiffe://example.org/ns/prod/*)",
    }),
    claims: z
      .record(z.string().regex(/^[\w.:/-]{1,100}$/, "must be a claim name such as repository"), claimPattern)
      .default({})
      .refine((claims) => Object.keys(claims).length <= 20, "at most 20 claims")
      .meta({ description: "Top-level claims the token must carry, exact or with `*` globs (e.g. repository: acme/deploy, ref: refs/heads/main)" }),
  })
  .refine((body) => body.subject !== undefined || Object.keys(body.claims).length > 0, {
    message: "name a subject or at least one claim: an identity matching every token of the issuer is refused",
    path: ["subject"],
  })
  .meta({ id: "CreateFederatedIdentity" });

export const federatedIdentitySchema = z
  .object({
    id: z.string(),
    agentId: z.string(),
    issuer: z.object({ id: z.string(), name: z.string(), issuer: z.string() }),
    subject: z.string().nullable(),
    claims: z.record(z.string(), z.string()),
    createdAt: isoDate,
  })
  .meta({ id: "FederatedIdentity" });

export const federatedIdentityParams = agentParams.extend({ identityId: idOf("fid") });

export const agentFederationBody = z
  .strictObject({
    requireFederation: z.boolean().meta({ description: "true: the agent's static keys are refused; it signs in only through workload identity federation" }),
  })
  .meta({ id: "AgentFederation" });

export const agentFederationSchema = z
  .object({ agentId: z.string(), requireFederation: z.boolean(), identities: z.array(federatedIdentitySchema) })
  .meta({ id: "AgentFederationSettings" });

export type CreateWorkloadIssuerBody = z.infer<typeof createWorkloadIssuerBody>;
export type WorkloadIssuerDto = z.infer<typeof workloadIssuerSchema>;
export type CreateFederatedIdentityBody = z.infer<typeof createFederatedIdentityBody>;
export type FederatedIdentityDto = z.infer<typeof federatedIdentitySchema>;
export type AgentFederationDto = z.infer<typeof agentFederationSchema>;

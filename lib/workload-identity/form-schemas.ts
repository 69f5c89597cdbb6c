import { z } from "zod";
import { agentParams } from "@/lib/agents/route-params";
import { createFederatedIdentityBody, createWorkloadIssuerBody, federatedIdentityParams, type CreateFederatedIdentityBody } from "./schemas";

// Forms post flat strings; these read them into the admin API's own bodies, so page and API accept the same.

const agentId = agentParams.shape.id;

/** `name=value` per line (or `name: value`), as the claims of a federated identity. */
const claimLines = z.string().transform((text, context) => {
  const claims: Record<string, string> = {};
  for (const line of text
    .split(/\r?\n/)
    .map((entry) => entry.trim())
    .filter(Boolean)) {
    const match = /^([^=:\s]+)\s*[=:]\s*(.+)$/.exec(line);
    if (!match) {
      context.addIssue({ code: "custom", message: `"${line.slice(0, 40)}" is not name=value` });
      return z.NEVER;
    }
    claims[match[1]!] = match[2]!.trim();
  }
  return claims;
});

export const addFederatedIdentityForm = z
  .preprocess(
    (form: Record<string, unknown>) => ({ ...form, subject: typeof form.subject === "string" && form.subject.trim() ? form.subject.trim() : undefined }),
    z.object({ agentId, issuerId: z.string(), subject: z.string().optional(), claims: claimLines }),
  )
  // The API's body (with its rule: a subject or a claim), whose `claims` default the form never needs.
  .pipe(
    createFederatedIdentityBody.safeExtend({ agentId }) as unknown as z.ZodType<
      CreateFederatedIdentityBody & { agentId: string },
      CreateFederatedIdentityBody & { agentId: string }
    >,
  );

export const removeFederatedIdentityForm = z.object({ agentId, identityId: federatedIdentityParams.shape.identityId });

export const agentFederationForm = z.object({ agentId, requireFederation: z.enum(["on", "off"]).transform((value) => value === "on") });

export const registerWorkloadIssuerForm = z.preprocess(
  (form: Record<string, unknown>) => ({ ...form, jwksUri: typeof form.jwksUri === "string" && form.jwksUri.trim() ? form.jwksUri.trim() : undefined }),
  z.object({ agentId, ...createWorkloadIssuerBody.shape }),
);

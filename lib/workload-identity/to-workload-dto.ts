import type { FederatedIdentity, WorkloadIssuer } from "@/lib/generated/prisma/client";
import type { FederatedIdentityDto, WorkloadIssuerDto } from "./schemas";

export function toWorkloadIssuerDto(issuer: WorkloadIssuer & { _count: { identities: number } }): WorkloadIssuerDto {
  return {
    id: issuer.id,
    name: issuer.name,
    issuer: issuer.issuer,
    audience: issuer.audience,
    jwksUri: issuer.jwksUri,
    federatedIdentities: issuer._count.identities,
    createdAt: issuer.createdAt.toISOString(),
  };
}

export const federatedIdentityInclude = { issuer: { select: { id: true, name: true, issuer: true } } } as const;

export function toFederatedIdentityDto(identity: FederatedIdentity & { issuer: { id: string; name: string; issuer: string } }): FederatedIdentityDto {
  return {
    id: identity.id,
    agentId: identity.agentId,
    issuer: identity.issuer,
    subject: identity.subject,
    claims: claimsOf(identity.claims),
    createdAt: identity.createdAt.toISOString(),
  };
}

/** The stored claim patterns: an object of strings, as the schema wrote them. */
export function claimsOf(stored: unknown): Record<string, string> {
  if (typeof stored !== "object" || stored === null || Array.isArray(stored)) return {};
  return Object.fromEntries(Object.entries(stored).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

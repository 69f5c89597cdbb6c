import { prisma } from "@/lib/db";
import { recordEvent } from "@/lib/audit/record-event";
import type { Clock } from "@/lib/kernel/clock";
import { ANONYMOUS_AUDIT_ACTOR } from "@/lib/kernel/principal";
import { hit } from "@/lib/http/rate-limiter";
import { ACCESS_TOKEN_TYPE, OAuthError, TOKEN_EXCHANGE_GRANT_TYPE } from "@/lib/grant-tokens/token-exchange-format";
import { issueAgentAccessToken } from "./issue-agent-access-token";
import { identityMatches } from "./match-claims";
import { agentAccessTokenSchema, jwtBearerGrantBody, workloadTokenExchangeBody, type AgentAccessTokenDto } from "./token-request-schemas";
import { claimsOf } from "./to-workload-dto";
import { verifyWorkloadToken, WorkloadTokenRefused } from "./verify-workload-token";
import {
  AGENT_SCOPE,
  apiResourceOf,
  JWT_BEARER_GRANT_TYPE,
  mcpResourceOf,
  WORKLOAD_SUBJECT_TOKEN_TYPES,
  WORKLOAD_TOKEN_SKEW_SECONDS,
} from "./workload-token-format";

/** Refusals audited one by one per client address and minute; beyond, they are answered 429 and not audited. */
const AUDITED_REFUSALS = { max: 60, windowMs: 60_000 };

/** Whether a token-endpoint request is a workload identity exchange (RFC 7523, or RFC 8693 with a JWT subject token). */
export function isWorkloadTokenRequest(form: Record<string, unknown>): boolean {
  if (form.grant_type === JWT_BEARER_GRANT_TYPE) return true;
  return form.grant_type === TOKEN_EXCHANGE_GRANT_TYPE && (WORKLOAD_SUBJECT_TOKEN_TYPES as readonly unknown[]).includes(form.subject_token_type);
}

/**
 * Workload identity federation at the token endpoint: a platform-signed JWT (GitHub Actions, Kubernetes,
 * SPIFFE…), sent per RFC 7523 or RFC 8693, becomes a short-lived agent access token for the agent bound
 * to that identity — verified (verifyWorkloadToken), matched against the agents' federated identities,
 * and its `jti` consumed in the database in the transaction that audits the exchange, so a token is
 * exchanged once across every instance. Every refusal is `invalid_grant` (or `invalid_request` /
 * `invalid_target` for a malformed request) and is audited.
 */
export async function exchangeWorkloadToken(options: {
  form: Record<string, unknown>;
  issuer: string;
  clientAddress: string;
  clock: Clock;
  fetch?: typeof fetch;
}): Promise<AgentAccessTokenDto> {
  const now = options.clock.now();
  const schema = options.form.grant_type === JWT_BEARER_GRANT_TYPE ? jwtBearerGrantBody : workloadTokenExchangeBody;
  const parsed = schema.safeParse(options.form);
  if (!parsed.success)
    throw new OAuthError("invalid_request", parsed.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`).join("; "));
  const body = parsed.data;
  const token = "assertion" in body ? body.assertion : body.subject_token;
  if (body.audience !== undefined && body.resource !== undefined && body.audience !== body.resource)
    throw new OAuthError("invalid_target", "audience and resource name different resources; a token is for one");
  const resource = (body.resource ?? body.audience)?.replace(/\/+$/, "") ?? apiResourceOf(options.issuer);
  if (resource !== apiResourceOf(options.issuer) && resource !== mcpResourceOf(options.issuer))
    throw new OAuthError(
      "invalid_target",
      `resource must be ${apiResourceOf(options.issuer)} (the agent API) or ${mcpResourceOf(options.issuer)} (the MCP server)`,
    );
  if (body.scope !== undefined && body.scope.split(" ").some((scope) => scope !== "" && scope !== AGENT_SCOPE))
    throw new OAuthError("invalid_scope", `The only scope is ${AGENT_SCOPE}`);

  const refuse = async (error: WorkloadTokenRefused): Promise<never> => {
    if (!hit(`workload-refused:${options.clientAddress}`, AUDITED_REFUSALS).allowed)
      throw new OAuthError("invalid_grant", "Too many refused workload tokens from this address; try again in a minute", 429, { "Retry-After": "60" });
    await prisma.$transaction((tx) =>
      recordEvent(tx, {
        actor: ANONYMOUS_AUDIT_ACTOR,
        action: "agent.token_exchange_refused",
        subject: { kind: "workload_issuer", id: error.context.issuerId ?? "unknown" },
        data: {
          reason: error.message,
          iss: error.context.iss ?? null,
          sub: error.context.sub ?? null,
          jti: error.context.jti ?? null,
          clientAddress: options.clientAddress,
        },
        at: now,
      }),
    );
    throw new OAuthError("invalid_grant", error.message);
  };

  let verified;
  try {
    verified = await verifyWorkloadToken({ token, now, fetch: options.fetch });
  } catch (error) {
    if (error instanceof WorkloadTokenRefused) return refuse(error);
    throw error;
  }
  const { issuer, claims } = verified;
  const context = { issuerId: issuer.id, iss: issuer.issuer, sub: claims.sub.slice(0, 200), jti: claims.jti.slice(0, 200) };

  const identities = await prisma.federatedIdentity.findMany({
    where: { issuerId: issuer.id, agent: { status: "ACTIVE" }, ...(body.client_id && { agentId: body.client_id }) },
    orderBy: { createdAt: "asc" },
  });
  const matching = identities.filter((identity) => identityMatches({ subject: identity.subject, claims: claimsOf(identity.claims) }, claims));
  const agents = [...new Set(matching.map((identity) => identity.agentId))];
  if (agents.length === 0) return refuse(new WorkloadTokenRefused("No agent is bound to this workload identity", context));
  if (agents.length > 1) return refuse(new WorkloadTokenRefused("The workload identity is bound to several agents: name one as client_id", context));
  const identity = matching[0]!;

  const issued = await issueAgentAccessToken({
    agentId: identity.agentId,
    federatedIdentityId: identity.id,
    workload: { iss: issuer.issuer, sub: claims.sub },
    audience: resource,
    issuer: options.issuer,
    clock: options.clock,
  });
  try {
    await prisma.$transaction(async (tx) => {
      await tx.consumedWorkloadToken.deleteMany({ where: { expiresAt: { lt: now } } });
      // Kept until the token is refused anyway: its exp plus the skew tolerated, so no replay slips in after exp.
      await tx.consumedWorkloadToken.create({
        data: { issuerId: issuer.id, jti: claims.jti, expiresAt: new Date((claims.exp + WORKLOAD_TOKEN_SKEW_SECONDS) * 1000) },
      });
      await recordEvent(tx, {
        actor: { kind: "AGENT", id: identity.agentId },
        action: "agent.token_exchanged",
        subject: { kind: "federated_identity", id: identity.id },
        agentId: identity.agentId,
        data: { issuer: issuer.issuer, sub: context.sub, workloadJti: context.jti, jti: issued.jti, audience: resource, expiresIn: issued.expiresIn },
        at: now,
      });
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002")
      return refuse(new WorkloadTokenRefused("The token was already exchanged (its jti is used once)", context));
    throw error;
  }
  return agentAccessTokenSchema.parse({
    access_token: issued.token,
    issued_token_type: ACCESS_TOKEN_TYPE,
    token_type: "Bearer",
    expires_in: issued.expiresIn,
    scope: AGENT_SCOPE,
  });
}

import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { prisma } from "@/lib/db";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { AppError, conflict, notFound } from "@/lib/kernel/errors";
import { auditActorOf, type AgentPrincipal } from "@/lib/kernel/principal";
import { effectiveGrantState } from "@/lib/grants/grant-validity";
import { getSigningKey } from "@/lib/signing-keys/get-signing-key";
import { storedConstraints } from "@/lib/constraints/stored-constraints";
import { GRANT_TOKEN_TYPE, MAX_GRANT_TOKEN_SECONDS } from "@/lib/kernel/grant-token-format";
import type { IssuedTokenDto } from "./schemas";

/**
 * Signs a short-lived token for one of the agent's own grants, for one resource server: it carries only
 * the grant's scopes that this resource server enforces, and expires after five minutes or with the
 * grant, whichever comes first. Another agent's grant is "not found". `scopes` narrows the token further
 * (token exchange's `scope`); asking for one the grant does not give for that audience is refused.
 */
export async function issueGrantToken(options: {
  principal: AgentPrincipal;
  grantId: string;
  audience: string;
  issuer: string;
  scopes?: string[];
  clock?: Clock;
}): Promise<IssuedTokenDto> {
  const now = (options.clock ?? systemClock).now();
  const grant = await prisma.grant.findFirst({ where: { id: options.grantId, agentId: options.principal.agentId }, include: { onBehalfOf: true } });
  if (!grant) throw notFound("The grant");
  const state = effectiveGrantState(grant, now);
  if (state !== "ACTIVE") throw conflict(`The grant is ${state === "NOT_STARTED" ? "not active yet" : state.toLowerCase()}; no token can be issued for it`);
  const server = await prisma.resourceServer.findUnique({ where: { audience: options.audience }, select: { id: true, revokedAt: true } });
  if (!server || server.revokedAt) throw refused("audience", `No resource server has the audience ${options.audience}`);
  const served = await prisma.scope.findMany({ where: { key: { in: grant.scopes }, resourceServerId: server.id }, select: { key: true } });
  const covered = grant.scopes.filter((key) => served.some((scope) => scope.key === key));
  if (covered.length === 0) throw refused("audience", `None of the grant's scopes is enforced by ${options.audience}`);
  const uncovered = (options.scopes ?? []).filter((key) => !covered.includes(key));
  if (uncovered.length > 0) throw refused("scope", `The grant does not give ${uncovered.join(", ")} for ${options.audience} (it gives ${covered.join(", ")})`);
  const scopes = options.scopes?.length ? covered.filter((key) => options.scopes!.includes(key)) : covered;

  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresAt = Math.min(Math.floor(grant.expiresAt.getTime() / 1000), issuedAt + MAX_GRANT_TOKEN_SECONDS);
  const jti = randomUUID();
  const signingKey = await getSigningKey({ clock: options.clock });
  const constraints = storedConstraints(grant.authorizationDetails);
  const token = await new SignJWT({
    scope: scopes.join(" "),
    grant_id: grant.id,
    client_id: grant.agentId,
    sub_profile: "ai_agent",
    ...(grant.onBehalfOf && { act: { sub: grant.onBehalfOf.email, sub_profile: "user" } }),
    ...(constraints && { authorization_details: constraints }),
  })
    .setProtectedHeader({ alg: signingKey.algorithm, typ: GRANT_TOKEN_TYPE, kid: signingKey.kid })
    .setIssuer(options.issuer)
    .setSubject(grant.agentId)
    .setAudience(options.audience)
    .setJti(jti)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(signingKey.privateKey);
  await prisma.$transaction((tx) =>
    recordEvent(tx, {
      actor: auditActorOf(options.principal),
      action: "grant.token_issued",
      subject: { kind: "grant", id: grant.id },
      agentId: grant.agentId,
      data: { jti, audience: options.audience, scopes, expiresAt: new Date(expiresAt * 1000).toISOString(), kid: signingKey.kid },
      at: now,
    }),
  );
  return { access_token: token, token_type: "Bearer", expires_in: expiresAt - issuedAt, scope: scopes.join(" ") };
}

/** A 403 that names the field at fault, so the token exchange can tell an unknown audience from a scope the grant lacks. */
function refused(field: "audience" | "scope", message: string): AppError {
  return new AppError("FORBIDDEN", message, { errors: [{ field, message }] });
}

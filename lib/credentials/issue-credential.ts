import { randomBytes } from "node:crypto";
import { prisma } from "@/lib/db";
import type { CredentialProvider, IssuedCredential } from "@/lib/generated/prisma/client";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { AppError, conflict, notFound } from "@/lib/kernel/errors";
import { newId } from "@/lib/kernel/ids";
import { isGrantLive } from "@/lib/kernel/live-grant";
import { auditActorOf, type AgentPrincipal } from "@/lib/kernel/principal";
import { cleanUpCredentials } from "./clean-up-credentials";
import { credentialUrl } from "./credential-url";
import type { CredentialProviderDriver } from "./provider";
import { markerOf, namePrefixOf, openProviderDriver, providerProblem, type StoredConnection } from "./open-provider-driver";
import { parsePrivileges, type ProviderKind } from "./privilege-grammar";
import { openCredentialPassword, sealCredentialPassword } from "./provider-secret";
import type { IssuedCredentialsDto } from "./schemas";

/** How long a second caller waits for a racing first one to finish creating the principal. */
const WAIT_FOR_PENDING_MS = 10_000;

const randomName = () => [...randomBytes(12)].map((byte) => "abcdefghijklmnopqrstuvwxyz0123456789"[byte % 36]).join("");

function toDto(provider: CredentialProvider, credential: IssuedCredential, expiresAt: Date): IssuedCredentialsDto {
  const connection = provider.connection as unknown as StoredConnection;
  const kind = provider.kind as ProviderKind;
  const password = openCredentialPassword(credential.id, credential.passwordSealed);
  const vhost = kind === "rabbitmq" ? (/^vhost=(\S+)/.exec(credential.privileges[0] ?? "")?.[1] ?? "/") : undefined;
  const point = {
    host: connection.host,
    port: connection.port,
    ...(connection.database !== undefined && kind !== "redis" && kind !== "rabbitmq" && { database: connection.database }),
    ...(vhost !== undefined && { vhost }),
  };
  return {
    provider: provider.name,
    kind,
    username: credential.username,
    password,
    ...point,
    privileges: credential.privileges,
    expiresAt: expiresAt.toISOString(),
    url: credentialUrl(kind, { username: credential.username, password, ...point }),
  };
}

/**
 * The grant's credential in one provider, for the grant's own agent: the principal already minted for
 * this grant there, or a new one holding exactly the privileges of the grant's scopes that name this
 * provider. One per grant and provider: the row is reserved (unique `activeKey`) before the principal is
 * created, so racing callers get the same principal; `rotate` ends the current one first. The row exists
 * before the principal does, so reconciliation never mistakes a principal being created for an orphan.
 * An unreachable provider is a 503 with Retry-After, and nothing is left behind. The audit event names the
 * principal and its privileges, never the password.
 */
export async function issueCredential(options: {
  principal: AgentPrincipal;
  grantId: string;
  /** Left out: the one provider the grant's scopes name. */
  provider?: string;
  rotate?: boolean;
  clock?: Clock;
}): Promise<IssuedCredentialsDto> {
  const clock = options.clock ?? systemClock;
  const grant = await prisma.grant.findFirst({ where: { id: options.grantId, agentId: options.principal.agentId } });
  if (!grant) throw notFound("The grant");
  if (!isGrantLive(grant, clock.now())) throw conflict("The grant is not live; no credential can be issued for it");
  const provider = await findProvider(grant.scopes, options.provider);
  const scopes = await prisma.scope.findMany({ where: { key: { in: grant.scopes }, credentialProviderId: provider.id }, orderBy: { key: "asc" } });
  if (scopes.length === 0) throw new AppError("FORBIDDEN", `None of the grant's scopes gives credentials in ${provider.name}`);
  const { parsed, canonical } = parsePrivileges(provider.kind as ProviderKind, [...new Set(scopes.flatMap((scope) => scope.credentialPrivileges))]);
  const activeKey = `${grant.id}:${provider.id}`;

  if (options.rotate) {
    const ended = await prisma.issuedCredential.updateMany({ where: { activeKey, issuedAt: { not: null } }, data: { activeKey: null, endedAt: clock.now() } });
    if (ended.count > 0) await cleanUpCredentials({ now: clock.now(), grantIds: [grant.id] }).catch(() => undefined);
  }

  const deadline = Date.now() + WAIT_FOR_PENDING_MS;
  for (;;) {
    const current = await prisma.issuedCredential.findUnique({ where: { activeKey } });
    if (current?.issuedAt) return toDto(provider, current, grant.expiresAt);
    if (current) {
      // Another call is creating it right now: wait for its outcome.
      if (Date.now() > deadline)
        throw new AppError("UNAVAILABLE", `The credential in ${provider.name} is still being created; retry shortly`, { retryAfterSeconds: 2 });
      await new Promise((resolve) => setTimeout(resolve, 50));
      continue;
    }
    const id = newId("issuedCredential");
    const username = `${namePrefixOf(provider)}${randomName()}`;
    const password = randomBytes(24).toString("base64url");
    try {
      await prisma.issuedCredential.create({
        data: {
          id,
          grantId: grant.id,
          providerId: provider.id,
          activeKey,
          username,
          passwordSealed: sealCredentialPassword(id, password),
          privileges: canonical,
          createdAt: clock.now(),
        },
      });
    } catch (error) {
      if ((error as { code?: string }).code === "P2002") continue; // a racing call reserved it first
      throw error;
    }
    const driver = openProviderDriver(provider);
    try {
      await driver.issue({ username, password, privileges: parsed, expiresAt: grant.expiresAt, marker: markerOf(provider) });
    } catch (error) {
      await abandon(id, driver, username);
      throw providerProblem(error, "provider");
    }
    const now = clock.now();
    const issued = await prisma.$transaction(async (tx) => {
      const live = await tx.grant.findUniqueOrThrow({ where: { id: grant.id } });
      const row = await tx.issuedCredential.findUniqueOrThrow({ where: { id } });
      if (!isGrantLive(live, now) || row.droppedAt) return null;
      const updated = await tx.issuedCredential.update({ where: { id }, data: { issuedAt: now } });
      await recordEvent(tx, {
        actor: auditActorOf(options.principal),
        action: "credential.issued",
        subject: { kind: "grant", id: grant.id },
        agentId: grant.agentId,
        data: { provider: provider.name, kind: provider.kind, username, privileges: canonical },
        at: now,
      });
      return updated;
    });
    if (!issued) {
      // The grant ended while the principal was being created: it goes at once (or with the clean-up).
      await prisma.issuedCredential.updateMany({ where: { id }, data: { activeKey: null, endedAt: now } });
      await cleanUpCredentials({ now, grantIds: [grant.id] }).catch(() => undefined);
      throw conflict("The grant ended while its credential was being created");
    }
    return toDto(provider, issued, grant.expiresAt);
  }
}

async function findProvider(scopes: string[], name: string | undefined): Promise<CredentialProvider> {
  if (name !== undefined) {
    const provider = await prisma.credentialProvider.findUnique({ where: { name } });
    if (!provider)
      throw new AppError("BAD_REQUEST", `No credential provider is named ${name}`, { errors: [{ field: "provider", message: "no such provider" }] });
    return provider;
  }
  const named = await prisma.credentialProvider.findMany({ where: { scopes: { some: { key: { in: scopes } } } }, orderBy: { name: "asc" } });
  if (named.length === 1) return named[0]!;
  if (named.length === 0) throw new AppError("FORBIDDEN", "None of the grant's scopes gives credentials in any provider");
  throw new AppError("BAD_REQUEST", `The grant gives credentials in ${named.map((p) => p.name).join(", ")}: name one`, {
    errors: [{ field: "provider", message: `one of ${named.map((p) => p.name).join(", ")}` }],
  });
}

/**
 * Issuing failed: remove whatever the target may hold (where issuing is not one transaction), then the
 * row. If the target cannot be reached now, a principal it may still hold has no row, and reconciliation
 * removes it later.
 */
async function abandon(id: string, driver: CredentialProviderDriver, username: string) {
  if (!driver.atomic) await driver.revoke(username).catch(() => undefined);
  await prisma.issuedCredential.delete({ where: { id } });
}

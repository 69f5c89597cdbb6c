import { prisma } from "@/lib/db";
import { feedIsConnected, subscribeToChanges } from "@/lib/events/change-feed";
import type { ResourceServerPrincipal } from "@/lib/kernel/principal";

/** A known secret and, for a secret replaced by a rotation, the end of its overlap. */
type CachedCaller = { caller: ResourceServerPrincipal; acceptedUntil: Date | null };
type Cache = { entries: Map<string, CachedCaller>; generation: number; watching: Promise<unknown> | null };
const state = globalThis as unknown as { __batonResourceServerCache?: Cache };
const cache = (state.__batonResourceServerCache ??= { entries: new Map(), generation: 0, watching: null });

/**
 * Empties the cache. Called by the change feed for every instance, and directly by this instance's own
 * rotations and revocations, so the instance that made a change never answers from before it.
 */
export function forgetResourceServerCallers(): void {
  cache.generation += 1;
  cache.entries.clear();
}

/** Any change to a resource server, a reconnect or a disconnect empties the cache: it never outlives a revocation. */
function watch(): void {
  cache.watching ??= subscribeToChanges(
    (change) => change.subjectKind === "resource_server" && forgetResourceServerCallers(),
    forgetResourceServerCallers,
    forgetResourceServerCallers,
  ).catch(() => {
    cache.watching = null;
  });
}

/**
 * The resource server whose secret hashes to `secretHash`, or null. Decisions sit in the path of every
 * downstream call, so known callers are kept in memory — but only while the change feed is connected,
 * which is what empties the cache when a resource server changes.
 */
export async function findResourceServer(secretHash: string, now: Date): Promise<ResourceServerPrincipal | null> {
  watch();
  const cached = feedIsConnected() ? cache.entries.get(secretHash) : undefined;
  if (cached) return !cached.acceptedUntil || now < cached.acceptedUntil ? cached.caller : null;
  // A read that overlaps a change must not put what it read back into the emptied cache.
  const generation = cache.generation;
  const server = await prisma.resourceServer.findFirst({ where: { revokedAt: null, OR: [{ secretHash }, { previousSecretHash: secretHash }] } });
  if (!server) return null;
  const acceptedUntil = server.secretHash === secretHash ? null : server.previousSecretExpiresAt;
  const caller: ResourceServerPrincipal = { kind: "resource-server", resourceServerId: server.id, name: server.name, audience: server.audience };
  if (feedIsConnected() && generation === cache.generation) cache.entries.set(secretHash, { caller, acceptedUntil });
  return !acceptedUntil || now < acceptedUntil ? caller : null;
}

import { prisma } from "@/lib/db";
import { feedIsConnected, subscribeToChanges } from "@/lib/events/change-feed";

export interface ResourceServerCaller {
  id: string;
  name: string;
  audience: string;
}

type Cache = { entries: Map<string, ResourceServerCaller>; watching: Promise<unknown> | null };
const state = globalThis as unknown as { __batonResourceServerCache?: Cache };
const cache = (state.__batonResourceServerCache ??= { entries: new Map(), watching: null });

/** Any change to a resource server, a reconnect or a disconnect empties the cache: it never outlives a revocation. */
function watch(): void {
  cache.watching ??= subscribeToChanges(
    (change) => change.subjectKind === "resource_server" && cache.entries.clear(),
    () => cache.entries.clear(),
    () => cache.entries.clear(),
  ).catch(() => {
    cache.watching = null;
  });
}

/**
 * The resource server whose secret hashes to `secretHash`, or null. Decisions sit in the path of every
 * downstream call, so known callers are kept in memory — but only while the change feed is connected,
 * which is what empties the cache when a resource server changes.
 */
export async function findResourceServer(secretHash: string): Promise<ResourceServerCaller | null> {
  watch();
  const cached = feedIsConnected() ? cache.entries.get(secretHash) : undefined;
  if (cached) return cached;
  const server = await prisma.resourceServer.findUnique({ where: { secretHash } });
  if (!server || server.revokedAt) return null;
  const caller = { id: server.id, name: server.name, audience: server.audience };
  if (feedIsConnected()) cache.entries.set(secretHash, caller);
  return caller;
}

import { databaseConfig, type DatabaseConfig } from "@/lib/database/config";
import { openPGlite } from "@/lib/database/pglite";
import { CHANGE_CHANNEL, type Change } from "./change";
import { createChangeFeed, listenOnPostgres, type ChangeFeed, type ConnectChangeFeed } from "./create-change-feed";

// One listening connection per process, shared by every bundle and every subscriber.
const state = globalThis as unknown as { __batonChangeFeed?: ChangeFeed };

/** PGlite delivers notifications in process: its "connection" cannot be lost, so it needs no heartbeat. */
function listenOnPGlite(dataDir: string): ConnectChangeFeed {
  return async ({ onPayload }) => {
    const unlisten = await openPGlite(dataDir).listen(CHANGE_CHANNEL, onPayload);
    return { close: unlisten };
  };
}

const connectTo = (config: DatabaseConfig): ConnectChangeFeed =>
  config.kind === "postgresql" ? listenOnPostgres({ url: config.url }) : listenOnPGlite(config.dataDir);

function processFeed(): ChangeFeed {
  // The database is read when the feed first connects, not when it is created.
  return (state.__batonChangeFeed ??= createChangeFeed({ connect: (listener) => connectTo(databaseConfig())(listener) }));
}

/**
 * Whether the feed is listening right now. While it is not, changes may be going unannounced: anything
 * that relies on hearing every change (the decision index) must not trust what it holds.
 */
export function feedIsConnected(): boolean {
  return processFeed().isConnected();
}

/**
 * Resolves once this process's feed has delivered the change with audit sequence `seq` to its
 * subscribers (at once if the feed is not connected, and after `timeoutMs` at the latest). A state change
 * that waits for this before answering is already known to this process's listeners — the decision index
 * among them — when its caller hears back.
 */
export function awaitChangeHeard(seq: bigint, timeoutMs = 1000): Promise<void> {
  return processFeed().awaitHeard(seq, timeoutMs);
}

/**
 * Calls `listener` for every committed change in any Baton process on this database, `onDisconnected`
 * when the feed loses its connection (changes may go unheard from then on), and `onResync` after it
 * reconnects (changes may have been missed: re-read). Resolves once listening.
 */
export function subscribeToChanges(listener: (change: Change) => void, onResync?: () => void, onDisconnected?: () => void): Promise<() => void> {
  return processFeed().subscribe({ onChange: listener, onResync, onDisconnected });
}

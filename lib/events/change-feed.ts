import { EventEmitter } from "node:events";
import pg from "pg";
import { databaseConfig } from "@/lib/database/config";
import { openPGlite } from "@/lib/database/pglite";
import { CHANGE_CHANNEL, type Change } from "./change";

type Feed = { emitter: EventEmitter; started: Promise<void> | null; connected: boolean; heardSeq: bigint };
// One listening connection per process, shared by every bundle and every subscriber.
const state = globalThis as unknown as { __batonChangeFeed?: Feed };

function feed(): Feed {
  if (!state.__batonChangeFeed) {
    const emitter = new EventEmitter();
    emitter.setMaxListeners(0);
    state.__batonChangeFeed = { emitter, started: null, connected: false, heardSeq: 0n };
  }
  return state.__batonChangeFeed;
}

function deliver(payload: string | undefined) {
  if (!payload) return;
  const current = feed();
  try {
    const change = JSON.parse(payload) as Change;
    current.emitter.emit("change", change);
    // Changes arrive in commit order, which is audit sequence order: the highest seen so far says what this process has heard.
    const seq = BigInt(change.seq);
    if (seq > current.heardSeq) current.heardSeq = seq;
    current.emitter.emit("heard");
  } catch {
    // not one of ours
  }
}

async function listenOnPostgres(url: string): Promise<void> {
  const current = feed();
  const connect = async (attempt: number): Promise<void> => {
    const client = new pg.Client({ connectionString: url });
    client.on("notification", (message) => message.channel === CHANGE_CHANNEL && deliver(message.payload));
    client.on("error", () => undefined);
    client.on("end", () => {
      if (current.connected) current.emitter.emit("disconnected");
      current.connected = false;
      // Listeners re-read state after a reconnect ("resync"), so a gap while disconnected loses nothing.
      setTimeout(() => void connect(1).catch(() => undefined), 500).unref();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
      current.connected = true;
      if (attempt > 0) current.emitter.emit("resync");
    } catch (error) {
      await client.end().catch(() => undefined);
      if (attempt === 0) throw error;
    }
  };
  await connect(0);
}

async function listenOnPGlite(dataDir: string): Promise<void> {
  const db = openPGlite(dataDir);
  await db.listen(CHANGE_CHANNEL, deliver);
  feed().connected = true;
}

function start(): Promise<void> {
  const current = feed();
  if (!current.started) {
    const config = databaseConfig();
    current.started = (config.kind === "postgresql" ? listenOnPostgres(config.url) : listenOnPGlite(config.dataDir)).catch((error) => {
      current.started = null;
      throw error;
    });
  }
  return current.started;
}

/**
 * Whether the feed is listening right now. While it is not, changes may be going unannounced: anything
 * that relies on hearing every change (the decision index) must not trust what it holds.
 */
export function feedIsConnected(): boolean {
  return feed().connected;
}

/**
 * Resolves once this process's feed has delivered the change with audit sequence `seq` to its
 * subscribers (at once if the feed is not connected, and after `timeoutMs` at the latest). A state change
 * that waits for this before answering is already known to this process's listeners — the decision index
 * among them — when its caller hears back.
 */
export async function awaitChangeHeard(seq: bigint, timeoutMs = 1000): Promise<void> {
  const current = feed();
  if (!current.connected || current.heardSeq >= seq) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      current.emitter.off("heard", check);
      current.emitter.off("disconnected", done);
      resolve();
    };
    const check = () => current.heardSeq >= seq && done();
    const timer = setTimeout(done, timeoutMs);
    current.emitter.on("heard", check);
    current.emitter.on("disconnected", done);
  });
}

/**
 * Calls `listener` for every committed change in any Baton process on this database, `onDisconnected`
 * when the feed loses its connection (changes may go unheard from then on), and `onResync` after it
 * reconnects (changes may have been missed: re-read). Resolves once listening.
 */
export async function subscribeToChanges(listener: (change: Change) => void, onResync?: () => void, onDisconnected?: () => void): Promise<() => void> {
  const { emitter } = feed();
  emitter.on("change", listener);
  if (onResync) emitter.on("resync", onResync);
  if (onDisconnected) emitter.on("disconnected", onDisconnected);
  const unsubscribe = () => {
    emitter.off("change", listener);
    if (onResync) emitter.off("resync", onResync);
    if (onDisconnected) emitter.off("disconnected", onDisconnected);
  };
  try {
    await start();
  } catch (error) {
    unsubscribe();
    throw error;
  }
  return unsubscribe;
}

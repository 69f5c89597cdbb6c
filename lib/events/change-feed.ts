import { EventEmitter } from "node:events";
import pg from "pg";
import { databaseConfig } from "@/lib/database/config";
import { openPGlite } from "@/lib/database/pglite";
import { CHANGE_CHANNEL, type Change } from "./change";

type Feed = { emitter: EventEmitter; started: Promise<void> | null; connected: boolean };
// One listening connection per process, shared by every bundle and every subscriber.
const state = globalThis as unknown as { __batonChangeFeed?: Feed };

function feed(): Feed {
  if (!state.__batonChangeFeed) {
    const emitter = new EventEmitter();
    emitter.setMaxListeners(0);
    state.__batonChangeFeed = { emitter, started: null, connected: false };
  }
  return state.__batonChangeFeed;
}

function deliver(payload: string | undefined) {
  if (!payload) return;
  try {
    feed().emitter.emit("change", JSON.parse(payload) as Change);
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
 * Calls `listener` for every committed change in any Baton process on this database, and `onResync`
 * after the feed reconnects (changes may have been missed: re-read). Resolves once listening.
 */
export async function subscribeToChanges(listener: (change: Change) => void, onResync?: () => void): Promise<() => void> {
  const { emitter } = feed();
  emitter.on("change", listener);
  if (onResync) emitter.on("resync", onResync);
  const unsubscribe = () => {
    emitter.off("change", listener);
    if (onResync) emitter.off("resync", onResync);
  };
  try {
    await start();
  } catch (error) {
    unsubscribe();
    throw error;
  }
  return unsubscribe;
}

import { EventEmitter } from "node:events";
import pg from "pg";
import { CHANGE_CHANNEL, type Change } from "./change";

/** Reconnect this long after a lost connection, and again after every failed attempt. */
const RECONNECT_MS = 250;
const DEFAULT_HEARTBEAT_MS = 500;

/** One open listening connection, as the feed sees it. */
export interface ChangeFeedConnection {
  /** Proves the connection alive; absent when it cannot silently die (an in-process database). */
  ping?(): Promise<unknown>;
  close(): Promise<void>;
}

/** Opens a connection that hands every payload on the change channel to `onPayload` and calls `onLost` once it is gone. */
export type ConnectChangeFeed = (listener: {
  onPayload: (payload: string) => void;
  onLost: () => void;
  onError: (error: unknown) => void;
}) => Promise<ChangeFeedConnection>;

export interface ChangeFeedHandlers {
  onChange: (change: Change) => void;
  /** After a reconnect: changes may have gone unheard, so re-read. */
  onResync?: () => void;
  /** The connection is lost: from now on changes may go unheard. */
  onDisconnected?: () => void;
}

export interface ChangeFeed {
  /** Resolves once listening (connecting on the first call; a failed first connection rejects, and the next call tries again). */
  subscribe(handlers: ChangeFeedHandlers): Promise<() => void>;
  isConnected(): boolean;
  /** When the connection last proved alive (a notification, a heartbeat answered, or connecting); 0 if never. */
  lastHeardAt(): number;
  /** Resolves once the change with audit sequence `seq` has been delivered (at once if not connected, after `timeoutMs` at the latest). */
  awaitHeard(seq: bigint, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The LISTEN protocol shared by the app and `baton pdp`: one connection; a lost one is reported as
 * disconnected, reconnected every RECONNECT_MS until it succeeds and then announced as a resync; a
 * heartbeat proves it alive, so a connection that is silently gone shows up as a growing lag (the
 * staleness a caller bounds and reports) rather than as a quiet, stale index. How it connects is the
 * caller's: PostgreSQL over `pg`, or the embedded database in process.
 */
export function createChangeFeed(options: { connect: ConnectChangeFeed; heartbeatMs?: number; onError?: (error: unknown) => void }): ChangeFeed {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const report = options.onError ?? (() => undefined);
  let connection: ChangeFeedConnection | null = null;
  let connected = false;
  let stopped = false;
  let heardAt = 0;
  let heardSeq = 0n;
  let heartbeatInFlight = false;
  let started: Promise<void> | null = null;

  const heartbeat = setInterval(() => {
    if (!connection || !connected || heartbeatInFlight) return;
    if (!connection.ping) return void (heardAt = Date.now());
    heartbeatInFlight = true;
    connection
      .ping()
      .then(
        () => (heardAt = Date.now()),
        () => undefined,
      )
      .finally(() => (heartbeatInFlight = false));
  }, options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS);
  heartbeat.unref();

  function deliver(payload: string) {
    heardAt = Date.now();
    let change: Change;
    try {
      change = JSON.parse(payload) as Change;
    } catch (error) {
      return report(error);
    }
    try {
      emitter.emit("change", change);
    } catch (error) {
      report(error);
    }
    // Changes arrive in commit order, which is audit sequence order: the highest seen so far says what has been heard.
    if (/^\d+$/.test(String(change.seq))) {
      const seq = BigInt(change.seq);
      if (seq > heardSeq) heardSeq = seq;
      emitter.emit("heard");
    }
  }

  async function connect(isReconnect: boolean): Promise<void> {
    let opened: ChangeFeedConnection | null = null;
    let lostWhileOpening = false;
    const onLost = () => {
      if (!opened) return void (lostWhileOpening = true);
      if (connection !== opened) return;
      connection = null;
      if (connected) emitter.emit("disconnected");
      connected = false;
      heartbeatInFlight = false;
      if (!stopped) scheduleReconnect();
    };
    const next = await options.connect({ onPayload: deliver, onLost, onError: report });
    opened = next;
    if (stopped || lostWhileOpening) {
      await next.close().catch(() => undefined);
      if (stopped) return;
      throw new Error("The change feed's connection was lost while it was being opened");
    }
    connection = next;
    connected = true;
    heardAt = Date.now();
    if (isReconnect) emitter.emit("resync");
  }

  function scheduleReconnect() {
    setTimeout(() => {
      if (stopped) return;
      connect(true).catch((error: unknown) => {
        report(error);
        scheduleReconnect();
      });
    }, RECONNECT_MS).unref();
  }

  return {
    async subscribe({ onChange, onResync, onDisconnected }) {
      emitter.on("change", onChange);
      if (onResync) emitter.on("resync", onResync);
      if (onDisconnected) emitter.on("disconnected", onDisconnected);
      started ??= connect(false).catch((error: unknown) => {
        started = null;
        throw error;
      });
      const unsubscribe = () => {
        emitter.off("change", onChange);
        if (onResync) emitter.off("resync", onResync);
        if (onDisconnected) emitter.off("disconnected", onDisconnected);
      };
      try {
        await started;
      } catch (error) {
        unsubscribe();
        throw error;
      }
      return unsubscribe;
    },
    isConnected: () => connected,
    lastHeardAt: () => heardAt,
    async awaitHeard(seq, timeoutMs = 1000) {
      if (!connected || heardSeq >= seq) return;
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          emitter.off("heard", check);
          emitter.off("disconnected", done);
          resolve();
        };
        const check = () => heardSeq >= seq && done();
        const timer = setTimeout(done, timeoutMs);
        emitter.on("heard", check);
        emitter.on("disconnected", done);
      });
    },
    async stop() {
      stopped = true;
      clearInterval(heartbeat);
      const current = connection;
      connection = null;
      connected = false;
      await current?.close().catch(() => undefined);
    },
  };
}

/** Connects to PostgreSQL with its own `pg` client (outside any pool: a LISTEN holds its connection). */
export function listenOnPostgres(options: { url: string; applicationName?: string }): ConnectChangeFeed {
  return async ({ onPayload, onLost, onError }) => {
    const client = new pg.Client({ connectionString: options.url, application_name: options.applicationName });
    client.on("notification", (message) => message.channel === CHANGE_CHANNEL && message.payload && onPayload(message.payload));
    client.on("error", onError);
    client.on("end", onLost);
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    // Repeating LISTEN is a no-op that needs a round trip: it proves the connection alive, and the
    // connection still reads as the listener in pg_stat_activity.
    return { ping: () => client.query(`LISTEN ${CHANGE_CHANNEL}`), close: () => client.end() };
  };
}

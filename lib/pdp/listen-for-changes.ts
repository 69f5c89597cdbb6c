import { EventEmitter } from "node:events";
import pg from "pg";
import type { ChangeSource } from "@/lib/decisions/decision-source";
import { CHANGE_CHANNEL, type Change } from "@/lib/events/change";

export const LISTENER_APPLICATION_NAME = "baton-pdp-listener";
const DEFAULT_HEARTBEAT_MS = 500;
const RECONNECT_MS = 250;

export interface ListeningChangeSource extends ChangeSource {
  /** When the listening connection last proved alive (a notification or a heartbeat answered); 0 if never. */
  lastHeardAt(): number;
  stop(): Promise<void>;
}

/**
 * The decision point's own change feed: one LISTEN connection, proved alive by a heartbeat query, so a
 * connection that is silently gone shows up as a growing lag rather than as a quiet, stale index. A
 * lost connection is reconnected and announced as a resync, because changes may have gone unheard.
 */
export function listenForChanges(options: { databaseUrl: string; heartbeatMs?: number; onError?: (error: unknown) => void }): ListeningChangeSource {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const report = options.onError ?? (() => undefined);
  let client: pg.Client | null = null;
  let connected = false;
  let stopped = false;
  let heardAt = 0;
  let heartbeatInFlight = false;
  let started: Promise<void> | null = null;

  const heartbeat = setInterval(() => {
    if (!client || !connected || heartbeatInFlight) return;
    heartbeatInFlight = true;
    client.query("SELECT 1").then(
      () => (heardAt = Date.now()),
      () => undefined,
    ).finally(() => (heartbeatInFlight = false));
  }, options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS);
  heartbeat.unref();

  function onNotification(message: pg.Notification) {
    if (message.channel !== CHANGE_CHANNEL || !message.payload) return;
    heardAt = Date.now();
    try {
      emitter.emit("change", JSON.parse(message.payload) as Change);
    } catch (error) {
      report(error);
    }
  }

  async function connect(isReconnect: boolean): Promise<void> {
    const next = new pg.Client({ connectionString: options.databaseUrl, application_name: LISTENER_APPLICATION_NAME });
    next.on("notification", onNotification);
    next.on("error", report);
    next.on("end", () => {
      if (client !== next) return;
      client = null;
      if (connected) emitter.emit("disconnected");
      connected = false;
      heartbeatInFlight = false;
      if (!stopped) scheduleReconnect();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANGE_CHANNEL}`);
    } catch (error) {
      await next.end().catch(() => undefined);
      throw error;
    }
    if (stopped) return void (await next.end());
    client = next;
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
      emitter.on("resync", onResync);
      emitter.on("disconnected", onDisconnected);
      started ??= connect(false).catch((error: unknown) => {
        started = null;
        throw error;
      });
      const unsubscribe = () => {
        emitter.off("change", onChange);
        emitter.off("resync", onResync);
        emitter.off("disconnected", onDisconnected);
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
    async stop() {
      stopped = true;
      clearInterval(heartbeat);
      const current = client;
      client = null;
      connected = false;
      await current?.end().catch(() => undefined);
    },
  };
}

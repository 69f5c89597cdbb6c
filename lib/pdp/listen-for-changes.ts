import type { ChangeSource } from "@/lib/decisions/decision-source";
import { createChangeFeed, listenOnPostgres, type ChangeFeed } from "@/lib/events/create-change-feed";

/** Names the decision point's listening connection in pg_stat_activity. */
export const LISTENER_APPLICATION_NAME = "baton-pdp-listener";

export type ListeningChangeSource = ChangeSource & Pick<ChangeFeed, "lastHeardAt" | "stop">;

/** The decision point's own change feed: the app's protocol (lib/events/create-change-feed.ts) on its own connection. */
export function listenForChanges(options: { databaseUrl: string; heartbeatMs?: number; onError?: (error: unknown) => void }): ListeningChangeSource {
  return createChangeFeed({
    connect: listenOnPostgres({ url: options.databaseUrl, applicationName: LISTENER_APPLICATION_NAME }),
    heartbeatMs: options.heartbeatMs,
    onError: options.onError,
  });
}

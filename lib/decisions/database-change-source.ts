import { feedIsConnected, subscribeToChanges } from "@/lib/events/change-feed";
import type { ChangeSource } from "./decision-source";

/** The process's change feed (LISTEN on PostgreSQL, in-process on PGlite) as the decision index's change source. */
export const databaseChangeSource: ChangeSource = {
  subscribe: ({ onChange, onResync, onDisconnected }) => subscribeToChanges(onChange, onResync, onDisconnected),
  isConnected: feedIsConnected,
};

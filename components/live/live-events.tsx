"use client";
import { useQueryClient } from "@tanstack/react-query";
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { LIVE_CHANGE_EVENT, staleKeysAfter, type LiveChange } from "./query-keys";

export type LiveStatus = "connecting" | "live" | "reconnecting";

const LiveContext = createContext<LiveStatus>("connecting");

/**
 * One server-sent event stream per tab. Each change invalidates the queries it affects, so every open
 * page refetches what changed within moments, on any instance. EventSource reconnects by itself and
 * sends Last-Event-ID; on every (re)connect everything is refetched, so nothing is missed.
 */
export function LiveEventsProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>("connecting");
  useEffect(() => {
    const source = new EventSource("/api/ui/events");
    // Whatever changed before the stream opened (or while it was down) is refetched once it is live.
    source.onopen = () => {
      void queryClient.invalidateQueries();
      setStatus("live");
    };
    source.onerror = () => setStatus("reconnecting");
    const onChange = (event: MessageEvent<string>) => {
      const change = JSON.parse(event.data) as LiveChange;
      for (const queryKey of staleKeysAfter(change)) void queryClient.invalidateQueries({ queryKey });
      // Server-rendered pages (catalogs, groups, schedules) listen for this and refresh (RefreshOnChange).
      window.dispatchEvent(new CustomEvent<LiveChange>(LIVE_CHANGE_EVENT, { detail: change }));
    };
    source.onmessage = onChange;
    return () => source.close();
  }, [queryClient]);
  return <LiveContext.Provider value={status}>{children}</LiveContext.Provider>;
}

export function useLiveStatus(): LiveStatus {
  return useContext(LiveContext);
}

/** The visible connection indicator. */
export function LiveIndicator() {
  const status = useLiveStatus();
  const label = status === "live" ? "Live" : status === "connecting" ? "Connecting…" : "Reconnecting…";
  return (
    <span role="status" aria-label={`Live updates: ${label}`} className="inline-flex items-center gap-1.5 text-xs text-muted-foreground">
      <span aria-hidden className={`size-2 rounded-full ${status === "live" ? "bg-emerald-500" : "bg-amber-500 animate-pulse"}`} />
      {label}
    </span>
  );
}

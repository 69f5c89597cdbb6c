"use client";
import { useEffect, useState } from "react";

/** Often enough for "2 minutes ago"; a countdown that must reach zero on screen ticks every second instead. */
const RELATIVE_TIME_TICK_MS = 15_000;
export const COUNTDOWN_TICK_MS = 1_000;

/**
 * The time relative times are measured from. It starts at `since` (when the data was read, the same on
 * the server and in the browser, so hydration matches) and then ticks every `tickMs`, so "2 minutes ago"
 * keeps ageing.
 */
export function useNow(since: number, tickMs: number = RELATIVE_TIME_TICK_MS): number {
  const [ticked, setTicked] = useState(since);
  useEffect(() => {
    const timer = setInterval(() => setTicked(Date.now()), tickMs);
    return () => clearInterval(timer);
  }, [tickMs]);
  return Math.max(ticked, since);
}

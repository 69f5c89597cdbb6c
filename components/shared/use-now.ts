"use client";
import { useEffect, useState } from "react";

const TICK_MS = 15_000;

/**
 * The time relative times are measured from. It starts at `since` (when the data was read, the same on
 * the server and in the browser, so hydration matches) and then ticks, so "2 minutes ago" keeps ageing.
 */
export function useNow(since: number): number {
  const [ticked, setTicked] = useState(since);
  useEffect(() => {
    const timer = setInterval(() => setTicked(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return Math.max(ticked, since);
}

"use client";
import { useEffect, useState } from "react";

/**
 * Like useNow, but ticking every second, for a countdown that must reach zero on screen. It starts at
 * `since` (when the data was read, identical on server and client) so hydration matches.
 */
export function useSecondClock(since: number): number {
  const [ticked, setTicked] = useState(since);
  useEffect(() => {
    const timer = setInterval(() => setTicked(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return Math.max(ticked, since);
}

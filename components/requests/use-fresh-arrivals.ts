"use client";
import { useEffect, useRef, useState } from "react";

/** How long a row that arrived live stays highlighted. */
const FRESH_FOR_MS = 5000;

/**
 * Which of these ids arrived live (after the first render) in the last few seconds: the inbox highlights
 * those rows so a new request is noticed without reading every row again.
 */
export function useFreshArrivals(ids: readonly string[]): (id: string) => boolean {
  const known = useRef<Set<string> | null>(null);
  const timers = useRef<ReturnType<typeof setTimeout>[]>([]);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(() => new Set());

  useEffect(() => {
    if (known.current === null) {
      known.current = new Set(ids);
      return;
    }
    const seen = known.current;
    const arrived = ids.filter((id) => !seen.has(id));
    for (const id of arrived) seen.add(id);
    if (arrived.length === 0) return;
    setFresh((current) => new Set([...current, ...arrived]));
    timers.current.push(setTimeout(() => setFresh((current) => new Set([...current].filter((id) => !arrived.includes(id)))), FRESH_FOR_MS));
  }, [ids]);

  useEffect(() => () => timers.current.forEach(clearTimeout), []);
  return (id) => fresh.has(id);
}

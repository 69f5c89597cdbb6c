"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { LIVE_CHANGE_EVENT, type LiveChange } from "./query-keys";

/** setTimeout's longest delay; a later instant is waited for in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Keeps a server-rendered page current: it is re-rendered when a live change about one of
 * `subjectKinds` arrives (from any instance, through the change feed), and at each of `refreshAt`
 * (such as the instant a schedule opens or closes), so what it computed from the clock stays true.
 */
export function RefreshOnChange({ subjectKinds, refreshAt = [] }: { subjectKinds: readonly string[]; refreshAt?: readonly string[] }) {
  const router = useRouter();
  const kinds = subjectKinds.join(",");
  const instants = refreshAt.join(",");
  useEffect(() => {
    const wanted = new Set(kinds.split(","));
    const onChange = (event: Event) => {
      if (wanted.has((event as CustomEvent<LiveChange>).detail.subject.kind)) router.refresh();
    };
    window.addEventListener(LIVE_CHANGE_EVENT, onChange);
    const next = Math.min(...instants.split(",").filter(Boolean).map(Date.parse));
    // A second late, so the server's clock is past the instant too.
    const timer = Number.isFinite(next) ? setTimeout(() => router.refresh(), Math.min(Math.max(next - Date.now() + 1000, 0), MAX_TIMER_MS)) : undefined;
    return () => {
      window.removeEventListener(LIVE_CHANGE_EVENT, onChange);
      clearTimeout(timer);
    };
  }, [kinds, instants, router]);
  return null;
}

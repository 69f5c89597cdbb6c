"use client";
import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useSyncExternalStore } from "react";
import { queryKeys } from "@/components/live/query-keys";
import { Button } from "@/components/ui/button";
import { fetchInbox, type InboxItem } from "./request-queries";

const LAST_SEEN_KEY = "baton.requests.last-seen";
const NOTIFY_KEY = "baton.requests.notify";
const INBOX_PATH = "/requests";
const COUNT_PREFIX = /^\(\d+\) /;
/** Told in this tab when Baton writes a stored value (the browser's own "storage" event reaches only other tabs). */
const STORED = "baton:stored";

/** Requests already known in this tab (what was waiting at load is not news), however many places mount the hook. */
const announced = new Set<string>();
let primed = false;

function readStorage(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStorage(key: string, value: string | null) {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // Private windows may refuse storage; the dot and notifications then last for the page only.
  }
  window.dispatchEvent(new Event(STORED));
}

function subscribeToStorage(onChange: () => void) {
  window.addEventListener("storage", onChange);
  window.addEventListener(STORED, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(STORED, onChange);
  };
}

/** A value kept in this browser; undefined while rendering on the server, where there is none to read. */
function useStored<T>(read: () => T): T | undefined {
  return useSyncExternalStore(subscribeToStorage, read, () => undefined);
}

/** Keeps "(3) " in front of the tab title, whatever title each page sets (Next.js rewrites it on navigation). */
function useTitleCount(count: number) {
  useEffect(() => {
    const apply = () => {
      const base = document.title.replace(COUNT_PREFIX, "");
      if (!base) return; // mid-navigation: the page's own title is on its way
      const wanted = count > 0 ? `(${count}) ${base}` : base;
      if (document.title !== wanted) document.title = wanted;
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      document.title = document.title.replace(COUNT_PREFIX, "");
    };
  }, [count]);
}

/** A browser notification for each request newly routed to me, only once the person has opted in (and only while Baton is not in front). */
function useArrivalNotifications(mine: InboxItem[] | undefined) {
  const router = useRouter();
  useEffect(() => {
    if (!mine) return;
    const arrived = mine.filter((item) => !announced.has(item.id));
    for (const item of mine) announced.add(item.id);
    const first = !primed;
    primed = true;
    if (first || arrived.length === 0) return;
    if (readStorage(NOTIFY_KEY) !== "on" || typeof Notification === "undefined" || Notification.permission !== "granted" || document.hasFocus()) return;
    for (const item of arrived) {
      const notification = new Notification(`Request from ${item.agent.name}`, {
        body: `${item.scopes.map((scope) => scope.key).join(", ")} — ${item.justification}`,
        tag: item.id,
      });
      notification.onclick = () => {
        window.focus();
        router.push(`/requests/${item.id}`);
      };
    }
  }, [mine, router]);
}

/**
 * What pulls the approver's attention on every page, from the one live inbox query: the count of
 * requests waiting for me in the tab title, and whether any arrived since I last opened the inbox (the
 * last visit is kept in this browser).
 */
export function useRequestsAttention() {
  const { data } = useQuery({ queryKey: queryKeys.inbox, queryFn: fetchInbox });
  const onInbox = usePathname() === INBOX_PATH;
  const mine = data?.items.filter((item) => item.canDecide);
  const lastSeen = useStored(() => readStorage(LAST_SEEN_KEY));
  useEffect(() => {
    if (onInbox && data) writeStorage(LAST_SEEN_KEY, data.asOf);
  }, [onInbox, data]);

  useTitleCount(mine?.length ?? 0);
  useArrivalNotifications(mine);
  const unseen = !onInbox && lastSeen !== undefined && (mine ?? []).some((item) => lastSeen === null || item.createdAt > lastSeen);
  return { waiting: mine?.length ?? 0, unseen };
}

/** The Requests nav item's dot (requests routed to me that arrived since I last opened the inbox); mounting it also keeps the tab title count and the opted-in notifications. */
export function RequestsUnreadDot() {
  const { unseen } = useRequestsAttention();
  if (!unseen) return null;
  return <span className="ml-1.5 inline-block size-2 rounded-full bg-primary align-middle" role="img" aria-label="new requests for you" />;
}

/** Opt in (or out) of browser notifications for requests routed to me; the browser asks for permission only after this click. */
export function NotificationOptIn() {
  const state = useStored(() => {
    if (typeof Notification === "undefined") return "unsupported";
    if (Notification.permission === "denied") return "blocked";
    return readStorage(NOTIFY_KEY) === "on" && Notification.permission === "granted" ? "on" : "off";
  });

  if (state === undefined || state === "unsupported") return null;
  if (state === "blocked") return <p className="text-xs text-muted-foreground">Notifications are blocked for Baton in this browser&apos;s site settings.</p>;
  if (state === "on")
    return (
      <Button size="sm" variant="outline" onClick={() => writeStorage(NOTIFY_KEY, null)}>
        Turn off notifications
      </Button>
    );
  return (
    <Button
      size="sm"
      variant="outline"
      onClick={async () => {
        const permission = await Notification.requestPermission();
        writeStorage(NOTIFY_KEY, permission === "granted" ? "on" : null);
      }}
    >
      Notify me of new requests
    </Button>
  );
}

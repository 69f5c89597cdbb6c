"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Delivery attempts are not audit events, so no live event announces them: re-read the log while some are still pending. */
export function RefreshWhilePending({ pending }: { pending: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(() => router.refresh(), 1000);
    return () => clearInterval(timer);
  }, [pending, router]);
  return null;
}

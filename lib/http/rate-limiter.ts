import { AppError } from "@/lib/kernel/errors";

type Window = { count: number; resetsAt: number };
// Per process: with several instances each enforces its own share of the limit.
const state = globalThis as unknown as { __batonRateWindows?: Map<string, Window> };
const windows = (state.__batonRateWindows ??= new Map());

function sweep(now: number) {
  if (windows.size < 10_000) return;
  for (const [key, window] of windows) if (window.resetsAt <= now) windows.delete(key);
}

export interface Limit {
  max: number;
  windowMs: number;
}

/** Counts one hit against `key`; answers whether it is within the limit and, if not, when to retry. */
export function hit(key: string, limit: Limit, now = Date.now()): { allowed: boolean; retryAfterSeconds: number } {
  sweep(now);
  let window = windows.get(key);
  if (!window || window.resetsAt <= now) {
    window = { count: 0, resetsAt: now + limit.windowMs };
    windows.set(key, window);
  }
  window.count++;
  return { allowed: window.count <= limit.max, retryAfterSeconds: Math.max(1, Math.ceil((window.resetsAt - now) / 1000)) };
}

export function rateLimited(what: string, retryAfterSeconds: number): AppError {
  return new AppError("RATE_LIMITED", `${what}; retry after ${retryAfterSeconds} s`, { retryAfterSeconds });
}

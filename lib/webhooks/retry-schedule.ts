/** Attempts per delivery: the first one and four retries. */
export const MAX_DELIVERY_ATTEMPTS = 5;
/** The wait before the first retry; each later one waits four times longer (30 s, 2 min, 8 min, 32 min). */
export const DEFAULT_RETRY_BASE_MS = 30_000;
const BACKOFF_FACTOR = 4;

/** When to try again after `attempts` failed attempts, or null when the delivery has run out of attempts. */
export function nextAttemptAfter(attempts: number, now: Date, retryBaseMs = DEFAULT_RETRY_BASE_MS): Date | null {
  if (attempts >= MAX_DELIVERY_ATTEMPTS) return null;
  return new Date(now.getTime() + retryBaseMs * BACKOFF_FACTOR ** (attempts - 1));
}

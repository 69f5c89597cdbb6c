import type { AgentBackend } from "./agent-backend";

// A grant is valid only while now < expiresAt: announce its expiry just after that instant.
const EXPIRY_MARGIN_MS = 50;
// setTimeout overflows past about 24.8 days; a longer wait is re-armed when it fires.
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Tells a subscriber when the agent's active grants change: a grant issued, revoked or marked expired
 * (announced by Baton), and a grant reaching its expiry (a timer here, since expiry needs no event).
 * Starts on the first subscription; stop() ends both the watch and the timer.
 */
export function watchActiveGrants(options: { backend: AgentBackend; onUpdated: () => void }) {
  let controller: AbortController | null = null;
  let expiryTimer: ReturnType<typeof setTimeout> | undefined;
  // Each expiry instant is announced once, even when Baton's clock lags this one and still lists the grant.
  let announcedUpTo = 0;

  async function armExpiryTimer(signal: AbortSignal) {
    const grants = await options.backend.listGrants("active").catch(() => []);
    if (signal.aborted) return;
    clearTimeout(expiryTimer);
    const next = Math.min(...grants.map((grant) => new Date(grant.expiresAt).getTime()).filter((expiresAt) => expiresAt > announcedUpTo));
    if (!Number.isFinite(next)) return;
    const delay = Math.min(Math.max(next - Date.now() + EXPIRY_MARGIN_MS, 0), MAX_TIMER_MS);
    expiryTimer = setTimeout(() => {
      if (next <= Date.now()) {
        announcedUpTo = next;
        options.onUpdated();
      }
      void armExpiryTimer(signal);
    }, delay);
    expiryTimer.unref?.();
  }

  return {
    async start() {
      if (controller) return;
      const current = new AbortController();
      controller = current;
      try {
        await options.backend.watchGrants(() => {
          options.onUpdated();
          void armExpiryTimer(current.signal);
        }, current.signal);
      } catch (error) {
        this.stop();
        throw error;
      }
      await armExpiryTimer(current.signal);
    },
    stop() {
      controller?.abort();
      controller = null;
      clearTimeout(expiryTimer);
    },
  };
}

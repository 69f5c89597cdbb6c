import { streamChainVerification } from "@/lib/audit/stream-chain-verification";
import { sessionRoute } from "@/lib/http/session-route";

export const dynamic = "force-dynamic";

/** NDJSON progress messages, then the verdict (lib/audit/stream-chain-verification.ts). */
export const POST = sessionRoute(
  {},
  async ({ principal }) =>
    new Response(streamChainVerification({ principal }), {
      headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store", "X-Accel-Buffering": "no" },
    }),
);

import { type PersonPrincipal } from "@/lib/kernel/principal";
import { requireAuditReader } from "@/lib/authorization/rules";
import { verifyChain } from "./verify-chain";

export type VerificationMessage =
  | { type: "progress"; checked: number; total: number }
  | { type: "result"; ok: true; count: number }
  | { type: "result"; ok: false; count: number; badSeq: string; reason: string };

/**
 * Verifies the whole chain and reports as it goes: NDJSON, one progress message per batch, then the
 * verdict. Only audit readers may run it.
 */
export function streamChainVerification(options: { principal: PersonPrincipal }): ReadableStream<Uint8Array> {
  requireAuditReader(options.principal);
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (message: VerificationMessage) => controller.enqueue(encoder.encode(`${JSON.stringify(message)}\n`));
      try {
        const verdict = await verifyChain({ onProgress: (checked, total) => send({ type: "progress", checked, total }) });
        send(
          verdict.ok
            ? { type: "result", ok: true, count: verdict.count }
            : { type: "result", ok: false, count: verdict.count, badSeq: verdict.badSeq.toString(), reason: verdict.reason },
        );
        controller.close();
      } catch (error) {
        controller.error(error);
      }
    },
  });
}

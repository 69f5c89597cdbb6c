"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { VerificationMessage } from "@/lib/audit/stream-chain-verification";

type State =
  | { phase: "idle" }
  | { phase: "running"; checked: number; total: number }
  | { phase: "done"; result: Extract<VerificationMessage, { type: "result" }> }
  | { phase: "failed"; message: string };

/** Reads the NDJSON stream of /api/ui/audit/verify line by line, calling `onMessage` for each message. */
async function readVerification(onMessage: (message: VerificationMessage) => void): Promise<void> {
  const response = await fetch("/api/ui/audit/verify", { method: "POST", headers: { accept: "application/x-ndjson" } });
  if (!response.ok || !response.body) {
    const problem = (await response.json().catch(() => null)) as { detail?: string } | null;
    throw new Error(problem?.detail ?? `The server answered ${response.status}`);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffered += value;
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) if (line.trim()) onMessage(JSON.parse(line) as VerificationMessage);
  }
}

/** Recomputes the whole hash chain on the server, showing progress as it goes and then the verdict. */
export function VerifyChainButton() {
  const [state, setState] = useState<State>({ phase: "idle" });
  const verify = async () => {
    setState({ phase: "running", checked: 0, total: 0 });
    let finished = false;
    try {
      await readVerification((message) => {
        if (message.type === "progress") setState({ phase: "running", checked: message.checked, total: message.total });
        else {
          finished = true;
          setState({ phase: "done", result: message });
        }
      });
      if (!finished) setState({ phase: "failed", message: "The verification stopped before it finished." });
    } catch (error) {
      setState({ phase: "failed", message: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <div className="flex flex-col gap-2 rounded-lg border bg-card px-4 py-3">
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="outline" onClick={() => void verify()} disabled={state.phase === "running"}>
          Verify chain
        </Button>
        <p className="text-xs text-muted-foreground">Recomputes every event&apos;s hash from the first to the newest and checks each link.</p>
      </div>
      {state.phase === "running" && (
        <div className="flex items-center gap-3 text-sm">
          <progress aria-label="Verifying the audit chain" value={state.checked} max={state.total || undefined} className="h-2 w-64" />
          <span className="tabular-nums">{state.total ? `${state.checked} of ${state.total} events` : "Starting…"}</span>
        </div>
      )}
      <div role="status" aria-label="Chain verification" className="text-sm">
        {state.phase === "done" &&
          (state.result.ok ? (
            <span className="font-medium text-success">OK {state.result.count} events: the chain is intact.</span>
          ) : (
            <span className="font-medium text-destructive">
              FAIL at sequence {state.result.badSeq}: {state.result.reason} ({state.result.count} events verified before it).
            </span>
          ))}
        {state.phase === "failed" && <span className="text-destructive">The verification could not run: {state.message}</span>}
      </div>
    </div>
  );
}

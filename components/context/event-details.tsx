"use client";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import type { DetailLine } from "@/lib/audit/describe-event";
import { NamedLink } from "./named-link";

/**
 * An audit event's details in words — linked names, durations written out — with its raw JSON one
 * "Show raw" away, so an auditor can still read exactly what the log holds.
 */
export function EventDetails({ lines, raw }: { lines: DetailLine[]; raw: unknown }) {
  const [showRaw, setShowRaw] = useState(false);
  const rawId = useId();
  return (
    <div className="flex flex-col gap-1">
      {lines.length > 0 && (
        <ul className="flex flex-col gap-0.5">
          {lines.map((line) => (
            <li key={line.name} className="wrap-break-word">
              <span className="text-muted-foreground">{line.name}:</span>{" "}
              {line.parts.map((part, i) => (
                <span key={i}>
                  {i > 0 && ", "}
                  <NamedLink named={part} />
                </span>
              ))}
            </li>
          ))}
        </ul>
      )}
      <Button
        type="button"
        variant="link"
        size="sm"
        className="h-auto self-start p-0 text-xs"
        aria-expanded={showRaw}
        aria-controls={rawId}
        onClick={() => setShowRaw((shown) => !shown)}
      >
        {showRaw ? "Hide raw" : "Show raw"}
      </Button>
      {showRaw && (
        <pre id={rawId} className="max-w-md overflow-x-auto rounded bg-muted px-2 py-1 font-mono text-[11px] whitespace-pre-wrap break-all">
          {JSON.stringify(raw, null, 2)}
        </pre>
      )}
    </div>
  );
}

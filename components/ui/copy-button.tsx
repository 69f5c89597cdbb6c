"use client";
import { CheckIcon, CopyIcon } from "lucide-react";
import { useState } from "react";
import { Button } from "./button";

/** Copies `value`; where the browser refuses (plain-HTTP hosts have no clipboard API) it says so instead of failing quietly. */
export function CopyButton({ value, label = "Copy" }: { value: string; label?: string }) {
  const [outcome, setOutcome] = useState<"copied" | "failed" | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setOutcome("copied");
    } catch {
      setOutcome("failed");
    }
  }
  return (
    <>
      <Button type="button" variant="outline" onClick={copy}>
        {outcome === "copied" ? <CheckIcon className="size-4" aria-hidden /> : <CopyIcon className="size-4" aria-hidden />}
        {outcome === "copied" ? "Copied" : label}
      </Button>
      <span role="status" className="sr-only">
        {outcome === "copied" ? "Copied to the clipboard" : outcome === "failed" ? "Copying failed; select the text and copy it yourself" : ""}
      </span>
    </>
  );
}

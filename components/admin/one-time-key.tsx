"use client";
import type { ReactNode } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { Input } from "@/components/ui/input";

/** A new secret, shown once. It lives only in this component's props: reloading or closing loses it for good. */
export function OneTimeKey({ secret, label, usage }: { secret: string; label: string; usage: ReactNode }) {
  return (
    <div className="flex flex-col gap-2 rounded-md border border-amber-300 bg-amber-50 p-3">
      <p className="text-sm font-medium text-amber-950">Store this key now; it is not shown again.</p>
      <div className="flex gap-2">
        {/* Focused and selected on arrival, so Ctrl+C copies it at once. */}
        <Input readOnly autoFocus value={secret} aria-label={label} className="font-mono text-xs" onFocus={(event) => event.currentTarget.select()} />
        <CopyButton value={secret} />
      </div>
      <p className="text-xs text-amber-950">{usage} Baton keeps only its hash.</p>
    </div>
  );
}

"use client";
import type { ReactNode } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { Input } from "@/components/ui/input";

/**
 * A secret Baton shows once (an invitation link, a personal token). It lives only in this component's
 * props: Baton keeps its hash, so reloading or closing loses it for good.
 */
export function ShownOnce({ label, value, notice, usage }: { label: string; value: string; notice: string; usage: ReactNode }) {
  return (
    <div className="flex flex-col gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 dark:border-amber-800 dark:bg-amber-950">
      <p className="text-sm font-medium text-amber-950 dark:text-amber-100">{notice}</p>
      <div className="flex gap-2">
        {/* Focused and selected on arrival, so Ctrl+C copies it at once. */}
        <Input readOnly autoFocus value={value} aria-label={label} className="font-mono text-xs" onFocus={(event) => event.currentTarget.select()} />
        <CopyButton value={value} />
      </div>
      <p className="text-xs text-amber-950 dark:text-amber-100">{usage}</p>
    </div>
  );
}

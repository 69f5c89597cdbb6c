import type { ReactNode } from "react";

/**
 * What an empty list or card says: what is missing, why it matters, and — only when the viewer may do
 * it — the button or link that creates it.
 */
export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="flex flex-col items-start gap-3 px-4 py-6 sm:flex-row sm:items-center sm:justify-between">
      <div className="flex flex-col gap-1">
        <p className="text-sm font-medium">{title}</p>
        {children && <p className="max-w-prose text-xs text-muted-foreground">{children}</p>}
      </div>
      {action && <div className="shrink-0">{action}</div>}
    </div>
  );
}

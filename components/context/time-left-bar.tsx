import { cn } from "@/lib/cn";
import { formatDuration } from "@/lib/kernel/duration";
import { timeLeftAt, type TimeLeftUrgency } from "@/lib/grants/time-left";
import type { GrantDto } from "@/lib/grants/schemas";

const FILL: Record<TimeLeftUrgency, string> = { ok: "bg-primary", warning: "bg-amber-500", critical: "bg-red-600" };
const TEXT: Record<TimeLeftUrgency, string> = {
  ok: "text-muted-foreground",
  warning: "text-amber-700 dark:text-amber-400",
  critical: "font-medium text-red-700 dark:text-red-400",
};

/**
 * A live grant's remaining time as a bar and a countdown, counted on the browser's clock (`now` ticks
 * every second): amber under 5 minutes, red under 1. Nothing once the grant has ended.
 */
export function TimeLeftBar({
  grant,
  now,
  className,
}: {
  grant: Pick<GrantDto, "status" | "startsAt" | "expiresAt" | "revokedAt">;
  now: number;
  className?: string;
}) {
  const left = timeLeftAt(grant, now);
  if (!left) return null;
  const text = `${formatDuration(left.remainingSeconds)} left`;
  return (
    <div className={cn("flex min-w-24 flex-col gap-0.5", className)}>
      <div
        role="progressbar"
        aria-label="Time left"
        aria-valuemin={0}
        aria-valuemax={left.totalSeconds}
        aria-valuenow={left.remainingSeconds}
        aria-valuetext={text}
        data-urgency={left.urgency}
        className="h-1.5 w-full overflow-hidden rounded-full bg-muted"
      >
        <div className={cn("h-full rounded-full", FILL[left.urgency])} style={{ width: `${Math.max(2, left.fraction * 100)}%` }} />
      </div>
      <span className={cn("text-xs tabular-nums", TEXT[left.urgency])}>{text}</span>
    </div>
  );
}

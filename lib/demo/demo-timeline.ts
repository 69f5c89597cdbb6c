import type { Tx } from "@/lib/db";
import { manualClock } from "@/lib/kernel/clock";

export type DemoStep = (tx: Tx, at: Date) => Promise<void>;

export interface DemoTimeline {
  /** Schedules a step at an offset (ms, zero or negative) from the moment of seeding. */
  at(offset: number, step: DemoStep): void;
  /** Replays every step oldest first (steps at the same instant in scheduling order). */
  replay(tx: Tx, now: Date): Promise<void>;
}

/**
 * The demo is described story by story (a request and everything that happens to it), but the audit
 * chain must be written in time order; the timeline collects the steps and interleaves them.
 */
export function createDemoTimeline(): DemoTimeline {
  const steps: { offset: number; step: DemoStep }[] = [];
  return {
    at(offset, step) {
      if (offset > 0) throw new Error("The demo history cannot contain events after the moment it is seeded");
      steps.push({ offset, step });
    },
    async replay(tx, now) {
      const clock = manualClock(now);
      for (const { offset, step } of steps.toSorted((a, b) => a.offset - b.offset)) {
        clock.set(now.getTime() + offset);
        await step(tx, clock.now());
      }
    },
  };
}

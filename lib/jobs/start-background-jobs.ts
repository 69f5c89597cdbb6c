import { env } from "@/lib/env";
import { startJobRunner } from "./job-runner";
import { runningJobRunner, setRunningJobRunner } from "./running-job-runner";

const state = globalThis as unknown as { __batonStopBackgroundJobs?: () => Promise<void> };

/**
 * Starts the job runner in the server process (from instrumentation.ts), unless BATON_JOBS=off, and
 * leaves `__batonStopBackgroundJobs` for scripts/serve.mjs to await on shutdown. It does not hold up
 * serving: pg-boss creates its schema on first start, and requests never wait for jobs.
 */
export function startBackgroundJobs(): void {
  const settings = env();
  if (settings.BATON_JOBS === "off" || runningJobRunner()) return;
  const starting = startJobRunner({ reminderLeadSeconds: settings.BATON_GRANT_REMINDER_SECONDS }).then(
    (runner) => {
      setRunningJobRunner(runner);
      return runner;
    },
    (error: unknown) => {
      console.error(`Baton jobs: could not start: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    },
  );
  state.__batonStopBackgroundJobs = async () => {
    const runner = await starting;
    setRunningJobRunner(undefined);
    await runner?.stop();
  };
}

import type { JobRunner } from "./job-runner";

// The runner started with the server, shared by every Next.js bundle of this process.
const state = globalThis as unknown as { __batonJobRunner?: JobRunner };

export function setRunningJobRunner(runner: JobRunner | undefined): void {
  state.__batonJobRunner = runner;
}

export function runningJobRunner(): JobRunner | undefined {
  return state.__batonJobRunner;
}

/**
 * Asks this process's runner to send these deliveries now. Without a runner here (jobs switched off in
 * this instance) another instance's sweep sends them: the rows are already in the database.
 */
export async function deliverSoon(deliveryIds: string[]): Promise<void> {
  await runningJobRunner()?.deliverSoon(deliveryIds);
}

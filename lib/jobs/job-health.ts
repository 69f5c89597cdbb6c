import { env } from "@/lib/env";
import type { JobRunnerStatus } from "./job-runner";
import { runningJobRunner } from "./running-job-runner";

export type JobHealth = ({ state: "running" } & JobRunnerStatus) | { state: "off" | "not-running" };

/** This instance's job runner, for /api/health: off by configuration, not (yet) running, or running with its last sweep and dispatch. */
export function jobHealth(): JobHealth {
  const runner = runningJobRunner();
  if (runner) return { state: "running", ...runner.status() };
  return { state: env().BATON_JOBS === "off" ? "off" : "not-running" };
}

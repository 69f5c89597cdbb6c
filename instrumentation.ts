// Runs once when the Next.js server starts (not at build time, not in tests): background jobs live in
// the server process because the embedded database admits only one process.
export async function register() {
  // Route modules can ask for instrumentation while `next build` prerenders: no jobs (and no database) there.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startBackgroundJobs } = await import("@/lib/jobs/start-background-jobs");
  startBackgroundJobs();
}

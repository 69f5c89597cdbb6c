import { checkHealth } from "@/lib/health/check-health";
import { jobHealth } from "@/lib/jobs/job-health";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await checkHealth();
  // Jobs are reported, not judged: correctness never depends on them, so a stopped runner is not a 503.
  return Response.json({ ...health, jobs: jobHealth() }, { status: health.status === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}

// Liveness without touching the database (use /api/health for readiness). Also the "trivial route
// handler" that `npm run bench` compares /api/v1/decisions against, in the same build.
const alive = () => Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });

export const GET = alive;
export const POST = alive;

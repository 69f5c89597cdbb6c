// One server under test per process, so the load generator never shares its event loop.
import { startPdp } from "@/lib/pdp/start-pdp";
import { startBareNode } from "./baselines/bare-node";
import { startFastifyJoseCasbin } from "./baselines/fastify-jose-casbin";
import { BENCH_AUDIENCE, BENCH_ISSUER } from "./seed-bench-database";
import { SERVER_KINDS, type ServerKind } from "./server-kinds";

async function start(kind: ServerKind, databaseUrl: string): Promise<string> {
  if (kind === "bare-node") return startBareNode();
  if (kind === "fastify-jose-casbin") return startFastifyJoseCasbin({ databaseUrl, issuer: BENCH_ISSUER, audience: BENCH_AUDIENCE });
  return (await startPdp({ databaseUrl, issuer: BENCH_ISSUER, port: 0, tokenCache: kind === "pdp-warm-cache" })).url;
}

const [kind, databaseUrl] = process.argv.slice(2);
if (!SERVER_KINDS.includes(kind as ServerKind) || !databaseUrl) throw new Error(`usage: serve.ts <${SERVER_KINDS.join("|")}> <database url>`);
process.stdout.write(`${JSON.stringify({ url: await start(kind as ServerKind, databaseUrl) })}\n`);

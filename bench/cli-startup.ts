import { spawn, spawnSync } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { currentBundle } from "../bin/cli-bundle.mjs";
import { EXIT_CODES } from "@/cli/exit-codes";
import { accessRequestSchema, type AccessRequestDto } from "@/lib/requests/schemas";
import { type Figure, percentile, round } from "./figures";

const root = path.resolve(import.meta.dirname, "..");
const RUNS = Number(process.env.BENCH_CLI_RUNS ?? 15);
/** The goal: a `baton` call costs at most this many times a Node process that does nothing. */
const GOAL_FACTOR = 3;

// What `baton status` is shown: a pending request, checked against the contract so the CLI does all of
// its work (parse, validate, print) and the figure cannot drift from what a real Baton answers.
const REQUEST: AccessRequestDto = accessRequestSchema.parse({
  id: "req_01jd3z8k6q4d2w5h7x9c0v1b2n",
  status: "PENDING",
  agentId: "agt_01jd3z8k6q4d2w5h7x9c0v1b2n",
  scopes: ["orders:read"],
  justification: "Bench: CLI start-up",
  durationSeconds: 600,
  onBehalfOf: null,
  incidentId: null,
  contextRef: null,
  createdAt: "2026-01-01T00:00:00.000Z",
  pendingExpiresAt: "2026-01-01T01:00:00.000Z",
  decidedAt: null,
  reason: null,
  authorizationDetails: null,
  routing: {
    outcome: "routed",
    policies: [{ id: "catalog-routing", reason: "Routed to the scope's approver group" }],
    requirements: [{ group: "admins", quorum: 1, stepUp: false, scopes: ["orders:read"] }],
    notes: [],
    policySetHash: "0".repeat(64),
  },
  grant: null,
});

/** Wall time from spawn to exit, in ms; the command must exit as expected. */
function timeProcess({ args, exitCode }: { args: string[]; exitCode: number }, env: NodeJS.ProcessEnv): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) =>
    child.on("exit", (code) =>
      code === exitCode ? resolve(performance.now() - started) : reject(new Error(`node ${args.join(" ")} exited ${code}: ${stderr.trim()}`)),
    ),
  );
}

/**
 * P6: `baton --help` and `baton status <id>` (against a loopback stub answering one request) against
 * `node -e 0`, interleaved in the same run so machine load affects all three alike; medians of RUNS each.
 */
export async function measureCliStartup(): Promise<Figure[]> {
  // The bundle is what users run; an edit since the last build would have bin/baton.mjs compile the sources instead.
  if (currentBundle(root) === null && spawnSync(process.execPath, ["scripts/build-cli.mjs"], { cwd: root, stdio: "inherit" }).status !== 0)
    throw new Error("bundling the CLI failed");
  const stub = http.createServer((_request, response) => response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(REQUEST)));
  await new Promise<void>((resolve) => stub.listen(0, "127.0.0.1", resolve));
  const env = { ...process.env, BATON_URL: `http://127.0.0.1:${(stub.address() as AddressInfo).port}`, BATON_API_KEY: "bench-agent-key" };
  const commands = {
    node: { args: ["-e", "0"], exitCode: 0 },
    help: { args: ["bin/baton.mjs", "--help"], exitCode: EXIT_CODES.ok },
    status: { args: ["bin/baton.mjs", "status", REQUEST.id], exitCode: EXIT_CODES.pending },
  };
  const samples: Record<keyof typeof commands, number[]> = { node: [], help: [], status: [] };
  try {
    // One untimed round first: the file system cache, not start-up, would dominate it.
    for (let run = 0; run <= RUNS; run++)
      for (const [name, command] of Object.entries(commands) as [keyof typeof commands, (typeof commands)["node"]][]) {
        const ms = await timeProcess(command, env);
        if (run > 0) samples[name].push(ms);
      }
  } finally {
    stub.close();
  }
  const node = percentile(samples.node, 50);
  const against = (name: "help" | "status"): Figure => {
    const ratio = round(percentile(samples[name], 50) / node);
    return { name: `cli-${name}-vs-node`, value: ratio, unit: "x", goal: `<=${GOAL_FACTOR}x`, ratio };
  };
  return [
    { name: "cli-node-e-0-p50", value: round(node, 1), unit: "ms", goal: "reference", ratio: null },
    { name: "cli-help-p50", value: round(percentile(samples.help, 50), 1), unit: "ms", goal: "info", ratio: null },
    { name: "cli-status-p50", value: round(percentile(samples.status, 50), 1), unit: "ms", goal: "info", ratio: null },
    against("help"),
    against("status"),
  ];
}

import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { BENCH_ADMIN, BENCH_ISSUER } from "./seed-bench-database";

export interface AppInstance {
  url: string;
  child: ChildProcess;
  /** Stops the launcher and the server it started (the whole process group). */
  kill(signal?: NodeJS.Signals): void;
  /** From spawn to the first healthy answer. */
  readyMs: number;
}

/**
 * The Baton app as `npm start` runs it (production build), with the bench admin's token registered. With
 * no databaseUrl it runs on a fresh embedded database. The caller builds first (ensureBuild).
 */
export async function startApp(options: { port: number; databaseUrl?: string; env?: Record<string, string> }): Promise<AppInstance> {
  const url = `http://127.0.0.1:${options.port}`;
  const started = performance.now();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-bench-"));
  const log = fs.openSync(path.join(dataDir, "server.log"), "w");
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl ?? "",
      PORT: String(options.port),
      BATON_PUBLIC_URL: BENCH_ISSUER,
      BATON_USE_EXISTING_BUILD: "1",
      BATON_DATA_DIR: dataDir,
      BATON_ADMIN_EMAIL: BENCH_ADMIN.email,
      BATON_ADMIN_PASSWORD: BENCH_ADMIN.password,
      BATON_ADMIN_TOKEN: BENCH_ADMIN.token,
      BATON_FILING_RATE_PER_MINUTE: "100000",
      ...options.env,
    },
    stdio: ["ignore", log, log],
    detached: true,
  });
  const kill = (signal: NodeJS.Signals = "SIGTERM") => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  for (let i = 0; i < 1200; i++) {
    if (
      await fetch(`${url}/api/health`).then(
        (response) => response.ok,
        () => false,
      )
    )
      return { url, child, kill, readyMs: performance.now() - started };
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  kill();
  const tail = fs.readFileSync(path.join(dataDir, "server.log"), "utf8").split("\n").slice(-15).join("\n");
  throw new Error(`the app on port ${options.port} did not come up; the end of its log:\n${tail}`);
}

/** Admin and agent API calls for setting up benchmark data. */
export async function api<T = Record<string, unknown>>(appUrl: string, token: string, method: string, route: string, body?: unknown): Promise<T> {
  const response = await fetch(`${appUrl}${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${route}: HTTP ${response.status} ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : null) as T;
}

/** Resident memory of a process and its descendants, in MB (Linux /proc). */
export function residentMegabytes(pid: number): { own: number; tree: number } {
  const rss = (id: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${id}/status`, "utf8"))?.[1] ?? 0) / 1024;
  const children = (id: number): number[] => {
    try {
      return fs.readFileSync(`/proc/${id}/task/${id}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  };
  const all: number[] = [];
  const visit = (id: number) => {
    all.push(id);
    children(id).forEach(visit);
  };
  visit(pid);
  const server = all.at(-1)!;
  return { own: Math.round(rss(server)), tree: Math.round(all.reduce((sum, id) => sum + rss(id), 0)) };
}

// Baton servers and `baton pdp` processes the fault suite starts, kills with SIGKILL and restarts. Each
// runs in its own process group, so a kill takes `scripts/start.mjs`, its preparation child and the Next.js server down at
// once — as a crash of the machine's process would.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export interface ManagedProcess {
  readonly url: string;
  start(): Promise<void>;
  /** SIGKILL to the whole process group; resolves once the process is gone. */
  kill9(): Promise<void>;
  /** SIGTERM, then SIGKILL after a grace period. */
  stop(): Promise<void>;
  running(): boolean;
  logTail(): string;
  /** The first lines of each error the process logged as unhandled (a 500). */
  unhandledErrors(): string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The first port from `from` on which nothing listens on 127.0.0.1. */
export async function freePort(from: number, taken: Set<number> = new Set()): Promise<number> {
  for (let port = from; port < from + 200; port++) {
    if (taken.has(port)) continue;
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer().once("error", () => resolve(false));
      server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
    });
    if (free) {
      taken.add(port);
      return port;
    }
  }
  throw new Error(`no free port from ${from}`);
}

export async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    if (await check().catch(() => false)) return performance.now() - started;
    await sleep(50);
  }
  throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
}

export const answers = (url: string, status = 200) =>
  fetch(url, { signal: AbortSignal.timeout(2000) }).then(
    (response) => response.status === status,
    () => false,
  );

function managedProcess(options: { name: string; url: string; readyUrl: string; args: string[]; env: NodeJS.ProcessEnv; logFile: string }): ManagedProcess {
  let child: ChildProcess | undefined;
  const running = () => !!child && child.exitCode === null && child.signalCode === null;
  const signalGroup = (signal: NodeJS.Signals) => {
    if (!child?.pid) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // the group is already gone
    }
  };
  const exited = () => new Promise<void>((resolve) => (running() ? child!.once("exit", () => resolve()) : resolve()));

  return {
    url: options.url,
    running,
    async start() {
      if (running()) throw new Error(`${options.name} is already running`);
      const log = fs.openSync(options.logFile, "a");
      child = spawn(process.execPath, options.args, { env: options.env, stdio: ["ignore", log, log], detached: true });
      fs.closeSync(log);
      await waitUntil(
        async () => {
          if (!running()) throw new Error(`${options.name} exited while starting:\n${this.logTail()}`);
          return answers(options.readyUrl);
        },
        120_000,
        `${options.name} to come up`,
      ).catch((error) => {
        signalGroup("SIGKILL");
        throw error;
      });
    },
    async kill9() {
      const gone = exited();
      signalGroup("SIGKILL");
      await gone;
    },
    async stop() {
      if (!running()) return signalGroup("SIGKILL");
      signalGroup("SIGTERM");
      const timer = setTimeout(() => signalGroup("SIGKILL"), 5000);
      await exited();
      clearTimeout(timer);
      signalGroup("SIGKILL"); // anything left of the group
    },
    logTail: () => (fs.existsSync(options.logFile) ? fs.readFileSync(options.logFile, "utf8").slice(-3000) : ""),
    unhandledErrors: () =>
      fs.existsSync(options.logFile)
        ? fs
            .readFileSync(options.logFile, "utf8")
            .split(/(?=\[baton\] unhandled error)/)
            .slice(1)
            .map((entry) => entry.split("\n").slice(0, 6).join(" ⏎ "))
        : [],
  };
}

export function batonServer(options: { port: number; databaseUrl: string; dataDir: string; env: Record<string, string> }): ManagedProcess {
  const url = `http://localhost:${options.port}`;
  return managedProcess({
    name: `Baton on port ${options.port}`,
    url,
    readyUrl: `${url}/api/health`,
    args: ["scripts/start.mjs"],
    env: {
      ...process.env,
      ...options.env,
      PORT: String(options.port),
      DATABASE_URL: options.databaseUrl,
      BATON_DATA_DIR: options.dataDir,
      BATON_PUBLIC_URL: url,
      BATON_USE_EXISTING_BUILD: "1",
    },
    logFile: path.join(options.dataDir, `baton-${options.port}.log`),
  });
}

export function pdpServer(options: { port: number; databaseUrl: string; issuer: string; logDir: string; maxStaleness: string }): ManagedProcess {
  const url = `http://127.0.0.1:${options.port}`;
  return managedProcess({
    name: `baton pdp on port ${options.port}`,
    url,
    readyUrl: `${url}/healthz`,
    args: ["bin/baton.mjs", "pdp", "--port", String(options.port), "--max-staleness", options.maxStaleness],
    env: { ...process.env, DATABASE_URL: options.databaseUrl, BATON_PUBLIC_URL: options.issuer },
    logFile: path.join(options.logDir, `pdp-${options.port}.log`),
  });
}

// A PostgreSQL cluster of the fault suite's own, in a temporary directory on a free port, so that it can
// be stopped, restarted and killed without touching the shared server other tests use.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export interface PrivatePostgres {
  url: string;
  port: number;
  start(): Promise<void>;
  /** A clean, fast shutdown (`pg_ctl stop -m fast`): open connections are terminated. */
  stop(): Promise<void>;
  /** Stops the server (immediately) and removes its files. */
  destroy(): void;
}

/** The newest installed PostgreSQL's bin directory, or null when none is installed. */
export function findPostgresBinaries(): string | null {
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .filter((version) => fs.existsSync(path.join(root, version, "bin", "pg_ctl")) && fs.existsSync(path.join(root, version, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(root, versions[0]!, "bin") : null;
}

/** PostgreSQL refuses to run as root: as root, run its binaries as the `postgres` user. */
function runAs(): { command: (bin: string) => [string, string[]]; uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return { command: (bin) => [bin, []] };
  const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
  return { command: (bin) => ["runuser", ["-u", "postgres", "--", bin]], uid, gid };
}

export function createPrivatePostgres(options: { binaries: string; port: number }): PrivatePostgres {
  const as = runAs();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "baton-faults-pg-"));
  if (as.uid !== undefined) fs.chownSync(root, as.uid, as.gid!);
  const data = path.join(root, "data");
  const log = path.join(root, "postgres.log");

  const commandFor = (bin: string, args: string[]): [string, string[]] => {
    const [command, prefix] = as.command(path.join(options.binaries, bin));
    return [command, [...prefix, ...args]];
  };
  const failure = (what: string, output: string) =>
    new Error(`${what} failed: ${output}\n${fs.existsSync(log) ? fs.readFileSync(log, "utf8").slice(-2000) : ""}`);
  // Asynchronous, so the load the suite generates keeps running while the server stops and starts.
  const pgCtl = (...args: string[]) =>
    new Promise<void>((resolve, reject) => {
      const [command, argv] = commandFor("pg_ctl", [...args, "-D", data, "-l", log, "-w", "-t", "60"]);
      const child = spawn(command, argv, { cwd: root });
      let output = "";
      child.stdout.on("data", (chunk) => (output += chunk));
      child.stderr.on("data", (chunk) => (output += chunk));
      child.on("exit", (code) => (code === 0 ? resolve() : reject(failure(`pg_ctl ${args[0]}`, output))));
    });

  const [initdb, initdbArgs] = commandFor("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
  const initialized = spawnSync(initdb, initdbArgs, { encoding: "utf8", cwd: root });
  if (initialized.status !== 0) throw failure("initdb", initialized.stderr || initialized.stdout);
  const serverOptions = `-p ${options.port} -k ${root} -c listen_addresses=127.0.0.1 -c max_connections=200`;

  return {
    url: `postgresql://postgres@127.0.0.1:${options.port}/postgres`,
    port: options.port,
    start: () => pgCtl("start", "-o", serverOptions),
    stop: () => pgCtl("stop", "-m", "fast"),
    destroy() {
      const [command, argv] = commandFor("pg_ctl", ["stop", "-D", data, "-m", "immediate", "-w"]);
      spawnSync(command, argv, { cwd: root });
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

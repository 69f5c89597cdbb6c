import { spawn } from "node:child_process";
import { constants } from "node:os";
import path from "node:path";

const REPO_ROOT = path.resolve(import.meta.dirname, "..");
const BATON_BIN = path.join(REPO_ROOT, "bin", "baton.mjs");
// The developer's own Baton settings must not leak into a test: each test says which server and key it uses.
const BATON_VARIABLES = ["BATON_URL", "BATON_API_KEY", "BATON_TOKEN"];

export interface BatonRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `baton` CLI (`node bin/baton.mjs`) as a user would, with pipes, so it never sees a TTY. */
export function runBaton(args: string[], env: Record<string, string>, options: { stdin?: string } = {}): Promise<BatonRun> {
  return run(process.execPath, [BATON_BIN, ...args], env, options);
}

/** Runs a command line exactly as a person pastes it into a shell in Baton's folder (bash, so `npx baton …` resolves as it would for them). */
export function runPastedCommand(commandLine: string, env: Record<string, string>): Promise<BatonRun> {
  return run("bash", ["-c", commandLine], env, {});
}

function run(file: string, args: string[], env: Record<string, string>, options: { stdin?: string }): Promise<BatonRun> {
  const childEnv = { ...process.env, ...env };
  for (const name of BATON_VARIABLES) if (!(name in env)) delete childEnv[name];
  const child = spawn(file, args, { cwd: REPO_ROOT, env: childEnv, stdio: ["pipe", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  child.stdin.end(options.stdin ?? "");
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code: code ?? 128 + (signal ? constants.signals[signal] : 0), stdout, stderr }));
  });
}

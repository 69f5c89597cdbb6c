// npm start: prepare (build if needed, migrate, bootstrap — scripts/prepare-start.ts, in a child that
// exits when done), then serve (scripts/serve.mjs) and stay beside the server to pass on signals and say
// when it is ready. Plain JavaScript with no dependencies, so this launcher costs little memory.
import { spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const children = new Set();
for (const signal of ["SIGINT", "SIGTERM"])
  process.on(signal, () => {
    if (children.size === 0) process.exit(130);
    for (const child of children) child.kill(signal);
  });

function run(args, options) {
  const child = spawn(process.execPath, args, { cwd: root, ...options });
  children.add(child);
  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 0 : 1))));
  exited.then(() => children.delete(child));
  return { child, exited };
}

async function waitUntilServing(url, exited) {
  let done = false;
  exited.then(() => (done = true));
  for (let i = 0; i < 600 && !done; i++) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(2000) });
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return false;
}

const preparation = run(["--conditions=react-server", "--import", "tsx", path.join(root, "scripts/prepare-start.ts")], {
  stdio: ["ignore", "inherit", "inherit", "ipc"],
});
let prepared = null;
preparation.child.on("message", (message) => (prepared = message));
const preparationCode = await preparation.exited;
if (preparationCode !== 0 || !prepared) process.exit(preparationCode || 1);

const server = run([path.join(root, "scripts/serve.mjs")], {
  stdio: ["ignore", "inherit", "inherit"],
  env: { ...process.env, AUTH_SECRET: prepared.authSecret, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
});
if (await waitUntilServing(`http://127.0.0.1:${prepared.port}/api/health`, server.exited)) {
  console.log(`Baton: ready on ${prepared.baseUrl}`);
  if (prepared.setupLink)
    console.log(
      `Baton: no user exists yet. Create the first admin with this one-time link (valid until ${prepared.setupLink.expiresAt}):\n\n    ${prepared.setupLink.url}\n`,
    );
}
process.exit(await server.exited);

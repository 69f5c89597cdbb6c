// Bundles the `baton` CLI (cli/ and the parts of lib/ it imports) into dist/cli with esbuild, so a call
// starts on plain JavaScript instead of compiling TypeScript first. Runs after `npm install` and in
// `npm run build`. Each command is its own chunk: `baton --help` never loads zod or the HTTP client.
// dist/cli/sources.json lists the inputs: bin/baton.mjs
// falls back to compiling the sources when any of them is newer than the bundle.
import fs from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { BUNDLE_DIR, SOURCES_FILE } from "../bin/cli-bundle.mjs";

const root = path.resolve(import.meta.dirname, "..");
const outdir = path.join(root, BUNDLE_DIR);

fs.rmSync(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: { main: "cli/main.ts" },
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // Bundled too: resolving and loading zod's hundreds of module files would cost more than the CLI itself.
  // Packages are bundled too: resolving and loading zod's many module files on every call would cost
  // more than the rest of the CLI. pg's optional native binding is not installed.
  // Cedar ships as WebAssembly that loads its .wasm file beside its own module: it stays in node_modules.
  external: ["pg-native", "@cedar-policy/cedar-wasm"],
  // CommonJS packages (pg and its helpers) call require() for Node's built-ins: give ESM chunks a real one.
  banner: { js: 'import { createRequire as __batonCreateRequire } from "node:module"; const require = __batonCreateRequire(import.meta.url);' },
  tsconfig: "tsconfig.json",
  outExtension: { ".js": ".mjs" },
  metafile: true,

  logLevel: "warning",
});
// Packages change only through npm install, which rebuilds the bundle: only the repository's own files are listed.
const inputs = Object.keys(result.metafile.inputs)
  .filter((input) => !input.startsWith("node_modules/"))
  .sort();
// Written last: its modification time is the bundle's, which the staleness check compares against.
fs.writeFileSync(path.join(root, SOURCES_FILE), `${JSON.stringify(inputs, null, 1)}\n`);
console.log(`baton: CLI bundled into ${BUNDLE_DIR} (${inputs.length} source files)`);

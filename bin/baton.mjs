#!/usr/bin/env node
// Runs the bundled CLI (dist/cli, built by `npm install` and `npm run build`: scripts/build-cli.mjs).
// When the bundle is missing or older than its sources (an edit, a checkout), it compiles the
// TypeScript on the fly with tsx instead, with the repository's tsconfig so `@/` imports resolve.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { currentBundle } from "./cli-bundle.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bundle = currentBundle(root);
let main;
if (bundle) ({ main } = await import(pathToFileURL(bundle).href));
else {
  const { register } = await import("tsx/esm/api");
  register({ tsconfig: path.join(root, "tsconfig.json") });
  ({ main } = await import(pathToFileURL(path.join(root, "cli/main.ts")).href));
}
process.exitCode = await main(process.argv.slice(2));

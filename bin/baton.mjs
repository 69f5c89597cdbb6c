#!/usr/bin/env node
// The CLI is TypeScript that shares the API's zod schemas: tsx compiles it on the fly (and caches
// the result), with the repository's tsconfig so `@/` imports resolve from any working directory.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register({ tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) });
const { main } = await import("../cli/main.ts");
process.exitCode = await main(process.argv.slice(2));

// Generates the Prisma client without the native schema engine, which cannot be downloaded offline.
// The generated client runs on a driver adapter and needs no engine binary; `generate` only insists
// that some executable is named.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const placeholderEngine = ["/usr/bin/true", "/bin/true"].find((p) => fs.existsSync(p));
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY && placeholderEngine) env.PRISMA_SCHEMA_ENGINE_BINARY = placeholderEngine;

const result = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);

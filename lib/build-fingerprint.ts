import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "prisma/schema.prisma",
  "proxy.ts",
  "instrumentation.ts",
  "instrumentation-client.ts",
  "next.config.ts",
  "postcss.config.mjs",
  "package-lock.json",
  "tsconfig.json",
];
const SKIP = new Set(["node_modules", ".next", "generated"]);

function collect(entry: string, files: string[]): void {
  if (!fs.existsSync(entry)) return;
  const stat = fs.statSync(entry);
  if (stat.isFile()) return void files.push(entry);
  for (const child of fs.readdirSync(entry)) if (!SKIP.has(child)) collect(path.join(entry, child), files);
}

/** A digest of everything that goes into `next build`: a build is current when its digest matches. */
export function sourceFingerprint(root = process.cwd()): string {
  const files: string[] = [];
  for (const source of SOURCES) collect(path.join(root, source), files);
  const hash = createHash("sha256");
  for (const file of files.sort()) hash.update(path.relative(root, file)).update("\0").update(fs.readFileSync(file)).update("\0");
  return hash.digest("hex");
}

export const FINGERPRINT_FILE = path.join(".next", "baton-source-fingerprint");

export function buildIsCurrent(root = process.cwd()): boolean {
  const file = path.join(root, FINGERPRINT_FILE);
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID")) || !fs.existsSync(file)) return false;
  return fs.readFileSync(file, "utf8") === sourceFingerprint(root);
}

export function recordBuild(root = process.cwd(), fingerprint = sourceFingerprint(root)): void {
  fs.writeFileSync(path.join(root, FINGERPRINT_FILE), fingerprint);
}

/** Runs `next build` when the build is missing or stale; returns its exit status (0 when nothing was needed). */
export function ensureBuild(root = process.cwd()): number {
  if (buildIsCurrent(root)) return 0;
  // Taken before building: a source edited while the build runs makes the next start build again.
  const fingerprint = sourceFingerprint(root);
  console.log("Baton: building the web app (first start, or the sources changed)…");
  const build = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) return build.status ?? 1;
  recordBuild(root, fingerprint);
  return 0;
}

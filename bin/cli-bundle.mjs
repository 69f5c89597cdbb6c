// Where scripts/build-cli.mjs puts the bundled CLI, and whether that bundle is still current.
import fs from "node:fs";
import path from "node:path";

export const BUNDLE_DIR = "dist/cli";
export const BUNDLE_ENTRY = `${BUNDLE_DIR}/main.mjs`;
export const SOURCES_FILE = `${BUNDLE_DIR}/sources.json`;

/**
 * The bundle's entry when it exists and none of the source files it was built from changed since (by
 * modification time: one stat a file, well under a millisecond for the CLI's few dozen). Otherwise null.
 */
export function currentBundle(root) {
  let builtAt;
  let sources;
  try {
    builtAt = fs.statSync(path.join(root, SOURCES_FILE)).mtimeMs;
    sources = JSON.parse(fs.readFileSync(path.join(root, SOURCES_FILE), "utf8"));
  } catch {
    return null;
  }
  if (!fs.existsSync(path.join(root, BUNDLE_ENTRY))) return null;
  for (const source of sources) {
    const stat = fs.statSync(path.join(root, source), { throwIfNoEntry: false });
    if (!stat || stat.mtimeMs > builtAt) return null;
  }
  return path.join(root, BUNDLE_ENTRY);
}

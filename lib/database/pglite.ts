import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";

export class DatabaseInUseError extends Error {
  override name = "DatabaseInUseError";
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite is a single-process database: a second process opening the same directory corrupts it.
 * A pid file beside the data directory refuses that second process with a clear message.
 */
function acquireLock(dataDir: string): () => void {
  const lockFile = `${dataDir}.lock`;
  const release = () => {
    try {
      if (fs.readFileSync(lockFile, "utf8") === String(process.pid)) fs.unlinkSync(lockFile);
    } catch {
      // already gone
    }
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(fs.readFileSync(lockFile, "utf8"));
      if (holder === process.pid) return release;
      if (Number.isInteger(holder) && holder > 0 && processIsAlive(holder))
        throw new DatabaseInUseError(
          `The embedded database at ${dataDir} is in use by process ${holder}. Stop that process first, or set DATABASE_URL to use PostgreSQL.`,
        );
      fs.rmSync(lockFile, { force: true }); // left behind by a process that died
    }
  }
  throw new DatabaseInUseError(`Could not lock the embedded database at ${dataDir}.`);
}

/**
 * PostgreSQL's default 128 MB of shared buffers lives inside this process's WebAssembly memory. The
 * embedded default serves one small team; the operating system's page cache holds the rest.
 */
const EMBEDDED_SETTINGS = { startParams: [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"] };

type Open = { db: PGlite; release: () => void };
const opened = globalThis as unknown as { __batonPGlite?: Map<string, Open> };

/**
 * Opens PGlite on a directory (created if missing), or in memory for `memory://…`.
 * One instance per directory per process: the client and the migration engine share it.
 */
export function openPGlite(dataDir: string): PGlite {
  const map = (opened.__batonPGlite ??= new Map());
  const existing = map.get(dataDir);
  if (existing && !existing.db.closed) return existing.db;
  let release = () => {};
  let db: PGlite;
  if (dataDir.startsWith("memory://")) db = new PGlite({ dataDir, ...EMBEDDED_SETTINGS });
  else {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    release = acquireLock(dataDir);
    db = new PGlite({ dataDir, ...EMBEDDED_SETTINGS });
  }
  map.set(dataDir, { db, release });
  return db;
}

export async function closePGlite(dataDir: string): Promise<void> {
  const map = opened.__batonPGlite;
  const entry = map?.get(dataDir);
  if (!entry) return;
  map!.delete(dataDir);
  if (!entry.db.closed) await entry.db.close();
  entry.release();
}

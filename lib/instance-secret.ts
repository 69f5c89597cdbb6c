import fs from "node:fs";
import path from "node:path";
import { randomSecret } from "@/lib/crypto/secrets";

/**
 * Reads a secret generated once into the data directory, creating it (mode 0600) on first use.
 * For the single-instance default; several instances must share one value through the environment.
 */
export function readOrCreateSecret(dataDir: string, name: string): string {
  const file = path.join(dataDir, name);
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    fs.writeFileSync(file, randomSecret(48), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return fs.readFileSync(file, "utf8").trim();
}

import { hkdfSync } from "node:crypto";
import path from "node:path";
import { env } from "@/lib/env";
import { readOrCreateSecret } from "@/lib/instance-secret";

let cached: { secret: string; key: Buffer } | undefined;

/**
 * The AES-256 key that encrypts signing keys at rest, derived from BATON_SECRET_KEY or, when that is
 * unset, from a secret generated once into the data directory (single instance only: every instance
 * sharing a database must share BATON_SECRET_KEY to read the keys the others created).
 */
export function keyEncryptionKey(): Buffer {
  const settings = env();
  const secret = settings.BATON_SECRET_KEY ?? readOrCreateSecret(path.resolve(settings.BATON_DATA_DIR), "secret-key");
  if (cached?.secret !== secret) cached = { secret, key: Buffer.from(hkdfSync("sha256", secret, "baton", "signing-key-encryption/v1", 32)) };
  return cached.key;
}

import { randomBytes } from "node:crypto";
import { randomSecret } from "@/lib/crypto/secrets";

const KEY_PATTERN = /^baton_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;
const PREFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/** `baton_<prefix>_<secret>`: the prefix finds the key (and is safe to show); the 256-bit secret proves it. */
export function generateAgentKey(): { key: string; prefix: string } {
  const prefix = Array.from(randomBytes(12), (byte) => PREFIX_ALPHABET[byte % PREFIX_ALPHABET.length]).join("");
  return { key: `baton_${prefix}_${randomSecret(32)}`, prefix };
}

export function parseAgentKey(token: string): { prefix: string } | null {
  const match = KEY_PATTERN.exec(token);
  return match ? { prefix: match[1]! } : null;
}

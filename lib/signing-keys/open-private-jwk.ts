import type { JsonWebKey } from "node:crypto";
import { openSealedText, SealedTextError } from "@/lib/crypto/sealed-text";

export class SealedKeyError extends Error {
  override name = "SealedKeyError";
}

/** Reverses sealPrivateJwk; a wrong key, a wrong key id or any tampering fails the GCM tag check. */
export function openPrivateJwk(options: { sealed: string; kid: string; key: Buffer }): JsonWebKey {
  try {
    return JSON.parse(openSealedText({ sealed: options.sealed, boundTo: options.kid, key: options.key })) as JsonWebKey;
  } catch (error) {
    if (!(error instanceof SealedTextError)) throw error;
    throw new SealedKeyError(`The signing key ${options.kid} ${error.message}`, { cause: error.cause });
  }
}

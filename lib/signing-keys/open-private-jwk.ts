import { createDecipheriv, type JsonWebKey } from "node:crypto";

export class SealedKeyError extends Error {
  override name = "SealedKeyError";
}

/** Reverses sealPrivateJwk; a wrong key, a wrong key id or any tampering fails the GCM tag check. */
export function openPrivateJwk(options: { sealed: string; kid: string; key: Buffer }): JsonWebKey {
  const [version, iv, ciphertext, tag] = options.sealed.split(".");
  if (version !== "v1" || !iv || !ciphertext || !tag) throw new SealedKeyError(`The signing key ${options.kid} is not in a format this Baton reads`);
  try {
    const decipher = createDecipheriv("aes-256-gcm", options.key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(options.kid, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    const plaintext = Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]);
    return JSON.parse(plaintext.toString("utf8")) as JsonWebKey;
  } catch (error) {
    throw new SealedKeyError(`The signing key ${options.kid} cannot be decrypted: is BATON_SECRET_KEY the same on every instance?`, { cause: error });
  }
}

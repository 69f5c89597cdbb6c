import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

export class SealedTextError extends Error {
  override name = "SealedTextError";
}

/**
 * AES-256-GCM over a secret Baton must be able to read back (a private key, an HMAC secret), bound to
 * `boundTo` as additional data so a sealed value copied to another row does not open.
 * Format: `v1.<iv>.<ciphertext>.<tag>`, base64url.
 */
export function sealText(options: { plaintext: string; boundTo: string; key: Buffer }): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", options.key, iv);
  cipher.setAAD(Buffer.from(options.boundTo, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(options.plaintext, "utf8"), cipher.final()]);
  return ["v1", iv, ciphertext, cipher.getAuthTag()].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

/** Reverses sealText; a wrong key, a wrong `boundTo` or any tampering fails the GCM tag check. */
export function openSealedText(options: { sealed: string; boundTo: string; key: Buffer }): string {
  const [version, iv, ciphertext, tag] = options.sealed.split(".");
  if (version !== "v1" || !iv || !ciphertext || !tag) throw new SealedTextError("not in a format this Baton reads");
  try {
    const decipher = createDecipheriv("aes-256-gcm", options.key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(options.boundTo, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch (error) {
    throw new SealedTextError("cannot be decrypted: is BATON_SECRET_KEY the same on every instance?", { cause: error });
  }
}

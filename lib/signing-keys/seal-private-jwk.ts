import { createCipheriv, randomBytes, type JsonWebKey } from "node:crypto";

/**
 * AES-256-GCM over the private JWK, bound to its key id (as additional data), so a sealed key copied to
 * another row does not open. Format: `v1.<iv>.<ciphertext>.<tag>`, base64url.
 */
export function sealPrivateJwk(options: { jwk: JsonWebKey; kid: string; key: Buffer }): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", options.key, iv);
  cipher.setAAD(Buffer.from(options.kid, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(options.jwk), "utf8"), cipher.final()]);
  return ["v1", iv, ciphertext, cipher.getAuthTag()].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

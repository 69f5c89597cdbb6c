import type { JsonWebKey } from "node:crypto";
import { sealText } from "@/lib/crypto/sealed-text";

/** The private JWK sealed with AES-256-GCM, bound to its key id, so a sealed key copied to another row does not open. */
export function sealPrivateJwk(options: { jwk: JsonWebKey; kid: string; key: Buffer }): string {
  return sealText({ plaintext: JSON.stringify(options.jwk), boundTo: options.kid, key: options.key });
}

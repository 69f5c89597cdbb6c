import { generateKeyPairSync } from "node:crypto";
import { calculateJwkThumbprint, type JWK } from "jose";
import type { Tx } from "@/lib/db";
import { GRANT_TOKEN_ALGORITHM } from "@/lib/kernel/grant-token-format";
import { keyEncryptionKey } from "./key-encryption-key";
import { sealPrivateJwk } from "./seal-private-jwk";

/**
 * Creates a fresh Ed25519 key pair in the caller's transaction (which holds lockSigningKeys). The key id is
 * the RFC 7638 thumbprint of the public key; the private half is stored only sealed. `activate: false`
 * creates the next key: published, but signing nothing until a rotation promotes it.
 */
export async function insertSigningKey(tx: Tx, options: { now: Date; activate: boolean }) {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const publicJwk = publicKey.export({ format: "jwk" });
  const kid = await calculateJwkThumbprint(publicJwk as JWK, "sha256");
  return tx.signingKey.create({
    data: {
      kid,
      algorithm: GRANT_TOKEN_ALGORITHM,
      publicJwk: { ...publicJwk, kid, alg: GRANT_TOKEN_ALGORITHM, use: "sig" },
      privateJwkEncrypted: sealPrivateJwk({ jwk: privateKey.export({ format: "jwk" }), kid, key: keyEncryptionKey() }),
      createdAt: options.now,
      activatedAt: options.activate ? options.now : null,
    },
  });
}

import { createPublicKey, type JsonWebKey, type KeyObject } from "node:crypto";
import { prisma } from "@/lib/db";

/** The public key with this id, if it is still published at `now`; read afresh so a key's expiry is exact. */
export async function findVerificationKey(kid: string, now: Date): Promise<KeyObject | null> {
  const key = await prisma.signingKey.findUnique({ where: { kid } });
  if (!key || (key.expiresAt && key.expiresAt <= now)) return null;
  return createPublicKey({ key: key.publicJwk as JsonWebKey, format: "jwk" });
}

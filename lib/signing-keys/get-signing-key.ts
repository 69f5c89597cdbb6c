import { createPrivateKey, type KeyObject } from "node:crypto";
import { prisma } from "@/lib/db";
import { recordEvent, SYSTEM_ACTOR } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { insertSigningKey } from "./insert-signing-key";
import { keyEncryptionKey } from "./key-encryption-key";
import { lockSigningKeys } from "./lock-signing-keys";
import { openPrivateJwk } from "./open-private-jwk";

// Decrypted once per key and process: the key row is still read on every call, so a rotation by
// another instance takes effect at once.
const privateKeys = new Map<string, KeyObject>();

const currentKeyQuery = { where: { retiredAt: null, activatedAt: { not: null } }, orderBy: { activatedAt: "desc" } } as const;

async function createFirstSigningKey(now: Date) {
  return prisma.$transaction(async (tx) => {
    await lockSigningKeys(tx);
    const created = await tx.signingKey.findFirst(currentKeyQuery);
    if (created) return created;
    const key = await insertSigningKey(tx, { now, activate: true });
    const next = await insertSigningKey(tx, { now, activate: false });
    await recordEvent(tx, {
      actor: SYSTEM_ACTOR,
      action: "signing_key.created",
      subject: { kind: "signing_key", id: key.kid },
      data: { algorithm: key.algorithm, reason: "first token signed", nextKid: next.kid },
      at: now,
    });
    return key;
  });
}

/** The key that signs new tokens, created on first use. */
export async function getSigningKey(options: { clock?: Clock } = {}): Promise<{ kid: string; algorithm: string; privateKey: KeyObject }> {
  const now = (options.clock ?? systemClock).now();
  const current = (await prisma.signingKey.findFirst(currentKeyQuery)) ?? (await createFirstSigningKey(now));
  let privateKey = privateKeys.get(current.kid);
  if (!privateKey) {
    privateKey = createPrivateKey({ key: openPrivateJwk({ sealed: current.privateJwkEncrypted, kid: current.kid, key: keyEncryptionKey() }), format: "jwk" });
    privateKeys.set(current.kid, privateKey);
  }
  return { kid: current.kid, algorithm: current.algorithm, privateKey };
}

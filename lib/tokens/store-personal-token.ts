import type { Tx } from "@/lib/db";
import { recordEvent, type Actor } from "@/lib/audit/record-event";
import { sha256Hex } from "@/lib/crypto/secrets";
import { newId } from "@/lib/kernel/ids";
import { visibleTokenPrefix } from "./personal-token-format";

/** Stores a personal API token by its SHA-256 only; the token itself is never written anywhere. */
export async function storePersonalToken(tx: Tx, input: { userId: string; token: string; name: string; actor: Actor; at: Date; expiresAt?: Date | null }) {
  const record = await tx.personalToken.create({
    data: {
      id: newId("personalToken"),
      userId: input.userId,
      name: input.name,
      prefix: visibleTokenPrefix(input.token),
      hash: sha256Hex(input.token),
      createdAt: input.at,
      expiresAt: input.expiresAt ?? null,
    },
  });
  await recordEvent(tx, {
    actor: input.actor,
    action: "personal_token.created",
    subject: { kind: "personal_token", id: record.id },
    data: { userId: input.userId, name: input.name, prefix: record.prefix },
    at: input.at,
  });
  return record;
}

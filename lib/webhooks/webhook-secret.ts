import { randomBytes } from "node:crypto";
import { openSealedText, sealText } from "@/lib/crypto/sealed-text";
import { keyEncryptionKey } from "@/lib/signing-keys/key-encryption-key";

// The prefix and a few characters tell secrets apart in lists without revealing a useful part of them.
const SHOWN_PREFIX_LENGTH = "whsec_".length + 4;

/** A Standard Webhooks signing secret: `whsec_` + base64 of 24 random bytes (192 bits). */
export function generateWebhookSecret(): { secret: string; shownPrefix: string } {
  const secret = `whsec_${randomBytes(24).toString("base64")}`;
  return { secret, shownPrefix: secret.slice(0, SHOWN_PREFIX_LENGTH) };
}

/** Sealed with the key that protects signing keys, bound to the row: a sealed value moved to another row does not open. */
export function sealForRow(plaintext: string, row: string): string {
  return sealText({ plaintext, boundTo: row, key: keyEncryptionKey() });
}

export function openForRow(sealed: string, row: string): string {
  return openSealedText({ sealed, boundTo: row, key: keyEncryptionKey() });
}

export const endpointSecretRow = (endpointId: string) => `webhook-endpoint:${endpointId}`;
export const groupChatWebhookRow = (groupId: string) => `group-chat-webhook:${groupId}`;

import { randomBytes } from "node:crypto";
import { openSealedText, sealText } from "@/lib/crypto/sealed-text";
import { keyEncryptionKey } from "@/lib/signing-keys/key-encryption-key";

// Bound to the integration's row, so a sealed secret copied to another integration does not open.
const boundTo = (integrationId: string) => `incident-integration:${integrationId}`;

/** A Standard Webhooks secret: `whsec_` and 32 random bytes in base64, the form the standardwebhooks libraries read. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

/** Sealed under the same key-encryption key as signing keys: verifying an HMAC needs the plaintext secret. */
export function sealWebhookSecret(integrationId: string, secret: string): string {
  return sealText({ plaintext: secret, boundTo: boundTo(integrationId), key: keyEncryptionKey() });
}

export function openWebhookSecret(integrationId: string, sealed: string): string {
  return openSealedText({ sealed, boundTo: boundTo(integrationId), key: keyEncryptionKey() });
}

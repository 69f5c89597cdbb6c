import { openSealedText, sealText } from "@/lib/crypto/sealed-text";
import { keyEncryptionKey } from "@/lib/signing-keys/key-encryption-key";

// Sealed like signing keys, bound to the row so a sealed value copied to another row does not open.
export const sealProviderSecret = (providerId: string, secret: string) =>
  sealText({ plaintext: secret, boundTo: `credential-provider:${providerId}`, key: keyEncryptionKey() });
export const openProviderSecret = (providerId: string, sealed: string) =>
  openSealedText({ sealed, boundTo: `credential-provider:${providerId}`, key: keyEncryptionKey() });

export const sealCredentialPassword = (credentialId: string, password: string) =>
  sealText({ plaintext: password, boundTo: `issued-credential:${credentialId}`, key: keyEncryptionKey() });
export const openCredentialPassword = (credentialId: string, sealed: string) =>
  openSealedText({ sealed, boundTo: `issued-credential:${credentialId}`, key: keyEncryptionKey() });

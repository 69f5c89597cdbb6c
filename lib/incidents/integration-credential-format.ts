import { randomSecret } from "@/lib/crypto/secrets";

const CREDENTIAL_PATTERN = /^batonint_[A-Za-z0-9_-]{43}$/;
// Four characters of the credential tell integrations apart in lists and reveal 24 of its 256 bits.
const SHOWN_PREFIX_LENGTH = "batonint_".length + 4;

/** `batonint_<256 random bits>`: the API credential an incident tool uses to open and resolve incidents. */
export function generateIntegrationCredential(): { credential: string; shownPrefix: string } {
  const credential = `batonint_${randomSecret(32)}`;
  return { credential, shownPrefix: credential.slice(0, SHOWN_PREFIX_LENGTH) };
}

export function isIntegrationCredential(token: string): boolean {
  return CREDENTIAL_PATTERN.test(token);
}

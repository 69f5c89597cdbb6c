import { randomSecret } from "@/lib/crypto/secrets";

const SECRET_PATTERN = /^batonrs_[A-Za-z0-9_-]{43}$/;
// Four characters of the secret tell resource servers apart in lists and reveal 24 of its 256 bits.
const SHOWN_PREFIX_LENGTH = "batonrs_".length + 4;

/** `batonrs_<256 random bits>`: the prefix tells a reader (and a secret scanner) what the string is. */
export function generateResourceServerSecret(): { secret: string; shownPrefix: string } {
  const secret = `batonrs_${randomSecret(32)}`;
  return { secret, shownPrefix: secret.slice(0, SHOWN_PREFIX_LENGTH) };
}

export function isResourceServerSecret(token: string): boolean {
  return SECRET_PATTERN.test(token);
}

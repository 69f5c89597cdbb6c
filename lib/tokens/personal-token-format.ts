import { randomSecret } from "@/lib/crypto/secrets";

const TOKEN_PREFIX = "batonpat_";
// Four characters of the secret tell a person's tokens apart in lists and reveal 24 of its 256 bits.
const VISIBLE_SECRET_CHARS = 4;

/** `batonpat_<43 characters of base64url>`: 256 random bits, and a prefix that secret scanners can match. */
export function generatePersonalToken(): string {
  return `${TOKEN_PREFIX}${randomSecret(32)}`;
}

/** The part of a token that is safe to store and show. Tokens from BATON_ADMIN_TOKEN have any shape: 8 characters of those. */
export function visibleTokenPrefix(token: string): string {
  return token.startsWith(TOKEN_PREFIX) ? token.slice(0, TOKEN_PREFIX.length + VISIBLE_SECRET_CHARS) : token.slice(0, 8);
}

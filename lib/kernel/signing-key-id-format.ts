/**
 * The id of every key Baton signs with: the RFC 7638 SHA-256 thumbprint of its public key, base64url
 * without padding (see insertSigningKey), so always 43 characters of that alphabet.
 */
const SIGNING_KEY_ID = /^[A-Za-z0-9_-]{43}$/;

/**
 * Whether a `kid` can name one of Baton's keys. A token's header is untrusted input: a `kid` of any other
 * type or shape (control characters, NUL, megabytes) is no key of Baton's and is refused before any lookup,
 * so none of its bytes ever reaches a query.
 */
export function isSigningKeyId(kid: unknown): kid is string {
  return typeof kid === "string" && SIGNING_KEY_ID.test(kid);
}

/**
 * The credential in an `Authorization: Bearer <token>` header (scheme case-insensitive, one token, no
 * spaces inside), or null when the header is absent or of any other shape. Callers decide what a missing
 * credential means for them.
 */
export function parseBearerToken(authorization: string | null | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  return match ? match[1]! : null;
}

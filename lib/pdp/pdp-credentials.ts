import { createPublicKey, type JsonWebKey, type KeyObject } from "node:crypto";
import type pg from "pg";
import type { FindVerificationKey } from "@/lib/grant-tokens/verify-grant-token";
import { sha256Hex } from "@/lib/crypto/secrets";
import { isResourceServerSecret } from "@/lib/resource-servers/resource-server-secret-format";

export interface PdpCredentials {
  findKey: FindVerificationKey;
  /** The audience of the resource server whose secret this is; null for anything else (unknown, revoked, not a secret). */
  audienceOf(secret: string, now: Date): Promise<string | null>;
  /** Called on every change to signing keys or resource servers, and whenever changes may have gone unheard. */
  forget(): void;
}

type PublishedKey = { key: KeyObject; expiresAt: Date | null };

/**
 * Signing keys and resource-server secrets, read through the pool and kept in memory, so the hot path
 * makes no round trip: the change feed announces every change to either, and the caller forgets them
 * then. A key's expiry is still compared on every call; lookups that found nothing are not kept, so a
 * new key or server is seen at once.
 */
export function createPdpCredentials(pool: pg.Pool): PdpCredentials {
  const keys = new Map<string, PublishedKey>();
  const audiences = new Map<string, { audience: string; acceptedUntil: Date | null }>();
  return {
    async findKey(kid, now) {
      let published = keys.get(kid);
      if (!published) {
        const { rows } = await pool.query<{ publicJwk: JsonWebKey; expiresAt: Date | null }>(
          `SELECT "publicJwk", "expiresAt" AT TIME ZONE 'UTC' AS "expiresAt" FROM "SigningKey" WHERE kid = $1`,
          [kid],
        );
        if (!rows[0]) return null;
        published = { key: createPublicKey({ key: rows[0].publicJwk, format: "jwk" }), expiresAt: rows[0].expiresAt };
        keys.set(kid, published);
      }
      return published.expiresAt && published.expiresAt <= now ? null : published.key;
    },
    async audienceOf(secret, now) {
      if (!isResourceServerSecret(secret)) return null;
      const hash = sha256Hex(secret);
      let known = audiences.get(hash);
      if (!known) {
        // A rotated-out secret is accepted until the end of its overlap.
        const { rows } = await pool.query<{ audience: string; acceptedUntil: Date | null }>(
          `SELECT audience, CASE WHEN "secretHash" = $1 THEN NULL ELSE "previousSecretExpiresAt" AT TIME ZONE 'UTC' END AS "acceptedUntil"
             FROM "ResourceServer" WHERE ("secretHash" = $1 OR "previousSecretHash" = $1) AND "revokedAt" IS NULL`,
          [hash],
        );
        if (!rows[0]) return null;
        known = rows[0];
        audiences.set(hash, known);
      }
      return !known.acceptedUntil || now < known.acceptedUntil ? known.audience : null;
    },
    forget() {
      keys.clear();
      audiences.clear();
    },
  };
}

import { generateKeyPairSync, randomUUID, type KeyObject } from "node:crypto";
import { calculateJwkThumbprint, SignJWT, type JWK } from "jose";
import pg from "pg";
import { hashPassword } from "@/lib/crypto/password";
import { sha256Hex } from "@/lib/crypto/secrets";
import { migrateDatabase } from "@/lib/database/migrate-database";
import { GRANT_TOKEN_ALGORITHM, GRANT_TOKEN_TYPE, MAX_GRANT_TOKEN_SECONDS } from "@/lib/kernel/grant-token-format";
import { generateResourceServerSecret } from "@/lib/resource-servers/resource-server-secret-format";

export const BENCH_ISSUER = "http://baton.bench";
export const BENCH_AUDIENCE = "https://crm.bench.test";
/** An admin whose password and BATON_ADMIN_TOKEN the app instances are started with. */
export const BENCH_ADMIN = { email: "admin@bench.test", password: "bench-admin-password", token: "bench-admin-token-0123456789abcdefghijkl" };
const AGENTS = 1000;
const GRANTS_PER_AGENT = 3;
const SCOPES = 20;

export interface BenchGrant {
  id: string;
  agentId: string;
  scope: string;
}

export interface BenchDatabase {
  url: string;
  secret: string;
  grants: BenchGrant[];
  signToken(grant: BenchGrant): Promise<string>;
  drop(): Promise<void>;
}

/** Seeded agents have ids of the real shape (`agt_` + 26 characters), numbered so SQL can make them too. */
export const benchAgentId = (index: number) => `agt_bench${String(index).padStart(21, "0")}`;
export const BENCH_AGENT_ID_SQL = (expression: string) => `'agt_bench' || lpad((${expression})::text, 21, '0')`;

// Ids of Baton's shape (`grt_` + 26 characters): a token naming anything else is refused as not Baton's.
const idOf = (prefix: string) => `${prefix}_${randomUUID().replaceAll("-", "").slice(0, 26)}`;

/** A fresh, migrated database holding one resource server, its scopes, a signing key, and a few thousand live grants. */
export async function seedBenchDatabase(baseUrl: string): Promise<BenchDatabase> {
  const name = `baton_bench_${process.pid}`;
  const maintenance = new pg.Client({ connectionString: baseUrl });
  await maintenance.connect();
  await maintenance.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await maintenance.query(`CREATE DATABASE "${name}"`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  await migrateDatabase({ kind: "postgresql", url: url.toString() });

  const { secret } = generateResourceServerSecret();
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  // Baton looks up only key ids of its own shape (the RFC 7638 thumbprint): a made-up id would make every token invalid.
  const kid = await calculateJwkThumbprint(publicKey.export({ format: "jwk" }) as JWK);
  const scopes = Array.from({ length: SCOPES }, (_, index) => `crm.area${index}:read`);
  const grants: BenchGrant[] = Array.from({ length: AGENTS * GRANTS_PER_AGENT }, (_, index) => ({
    id: idOf("grt"),
    agentId: benchAgentId(Math.floor(index / GRANTS_PER_AGENT)),
    scope: scopes[index % SCOPES]!,
  }));

  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query(`INSERT INTO "User" (id, email, name, "updatedAt") VALUES ('usr_bench', 'owner@bench.test', 'Owner', now())`);
    await client.query(
      `INSERT INTO "User" (id, email, name, role, "passwordHash", "updatedAt") VALUES ('usr_benchadmin', $1, 'Bench Admin', 'ADMIN', $2, now())`,
      [BENCH_ADMIN.email, await hashPassword(BENCH_ADMIN.password)],
    );
    const serverId = idOf("rs");
    await client.query(`INSERT INTO "ResourceServer" (id, name, audience, "secretHash", "secretPrefix") VALUES ($1, 'crm', $2, $3, $4)`, [
      serverId,
      BENCH_AUDIENCE,
      sha256Hex(secret),
      secret.slice(0, 12),
    ]);
    await client.query(
      `INSERT INTO "Scope" (id, key, risk, "maxDurationSeconds", "resourceServerId", "updatedAt") SELECT 'scp_' || key, key, 'LOW', 3600, $1, now() FROM unnest($2::text[]) AS key`,
      [serverId, scopes],
    );
    await client.query(
      `INSERT INTO "SigningKey" (kid, algorithm, "publicJwk", "privateJwkEncrypted", "activatedAt") VALUES ($1, 'EdDSA', $2, 'not used by the benchmark', now())`,
      [kid, publicKey.export({ format: "jwk" })],
    );
    await client.query(`INSERT INTO "Agent" (id, name, "ownerId", "updatedAt") SELECT id, id, 'usr_bench', now() FROM unnest($1::text[]) AS id`, [
      [...new Set(grants.map((grant) => grant.agentId))],
    ]);
    await client.query(
      `INSERT INTO "Grant" (id, "agentId", scopes, "startsAt", "expiresAt", "grantedByKind", "updatedAt")
       SELECT id, agent, ARRAY[scope], now() - interval '1 minute', now() + interval '1 hour', 'SYSTEM', now() FROM unnest($1::text[], $2::text[], $3::text[]) AS g(id, agent, scope)`,
      [grants.map((grant) => grant.id), grants.map((grant) => grant.agentId), grants.map((grant) => grant.scope)],
    );
    await client.query("COMMIT");
  } finally {
    await client.end();
  }

  return {
    url: url.toString(),
    secret,
    grants,
    signToken: (grant) => signToken(grant, privateKey, kid),
    async drop() {
      await maintenance.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await maintenance.end();
    },
  };
}

function signToken(grant: BenchGrant, privateKey: KeyObject, kid: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ scope: grant.scope, grant_id: grant.id, client_id: grant.agentId })
    .setProtectedHeader({ alg: GRANT_TOKEN_ALGORITHM, typ: GRANT_TOKEN_TYPE, kid })
    .setIssuer(BENCH_ISSUER)
    .setAudience(BENCH_AUDIENCE)
    .setSubject(grant.agentId)
    .setJti(randomUUID())
    .setIssuedAt(now)
    .setExpirationTime(now + MAX_GRANT_TOKEN_SECONDS)
    .sign(privateKey);
}

import { createPublicKey, type JsonWebKey } from "node:crypto";
import { newEnforcer, newModelFromString, StringAdapter } from "casbin";
import Fastify from "fastify";
import { jwtVerify } from "jose";
import pg from "pg";

// Who may use which scope: one policy line per live grant, loaded at start-up.
const MODEL = `
[request_definition]
r = sub, obj
[policy_definition]
p = sub, obj
[policy_effect]
e = some(where (p.eft == allow))
[matchers]
m = r.sub == p.sub && r.obj == p.obj
`;

/**
 * What a team might write instead of a decision point: Fastify, jose to verify the token, and casbin
 * holding the grants as policy in memory (refreshed only on restart). Same question, same grants.
 */
export async function startFastifyJoseCasbin(options: { databaseUrl: string; issuer: string; audience: string }): Promise<string> {
  const db = new pg.Client({ connectionString: options.databaseUrl });
  await db.connect();
  const [keys, grants] = await Promise.all([
    db.query<{ publicJwk: JsonWebKey }>(`SELECT "publicJwk" FROM "SigningKey" LIMIT 1`),
    db.query<{ agentId: string; scope: string }>(
      `SELECT "agentId", unnest(scopes) AS scope FROM "Grant" WHERE status = 'ACTIVE' AND "expiresAt" > now() AT TIME ZONE 'UTC'`,
    ),
  ]);
  await db.end();
  const key = createPublicKey({ key: keys.rows[0]!.publicJwk, format: "jwk" });
  const policy = grants.rows.map((grant) => `p, ${grant.agentId}, ${grant.scope}`).join("\n");
  const enforcer = await newEnforcer(newModelFromString(MODEL), new StringAdapter(policy));

  const app = Fastify();
  app.post<{ Body: { token: string; scope: string } }>("/api/v1/decisions", async (request) => {
    try {
      const { payload } = await jwtVerify(request.body.token, key, {
        issuer: options.issuer,
        audience: options.audience,
        typ: "at+jwt",
        algorithms: ["EdDSA"],
      });
      const allow = String(payload.scope).split(" ").includes(request.body.scope) && (await enforcer.enforce(payload.sub, request.body.scope));
      return { allow };
    } catch {
      return { allow: false };
    }
  });
  return app.listen({ port: 0, host: "127.0.0.1" });
}

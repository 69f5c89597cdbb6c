// A downstream tool (a toy CRM) that enforces Baton grants. Agents call it with a grant token from
// POST /api/v1/grants/{id}/token; it checks the token offline against Baton's JWKS, then asks Baton's
// decision endpoint, on every call, whether the grant still allows it — so a revocation takes effect on
// the very next call. Run it with:
//   BATON_URL=http://localhost:3000 BATON_RS_SECRET=batonrs_… AUDIENCE=https://crm.example.com node examples/downstream-service.mjs
import http from "node:http";
import { pathToFileURL } from "node:url";
import { createRemoteJWKSet, jwtVerify } from "jose";

/** The scope each route needs. */
const ROUTES = { "GET /customers": "crm.customers:read", "POST /customers": "crm.customers:write" };

export function startDownstreamService({ batonUrl, secret, audience, port = 0, host = "127.0.0.1" }) {
  const issuer = batonUrl.replace(/\/+$/, "");
  // A token naming a key not seen yet (Baton has just rotated) refetches the JWKS — at most once a second.
  const jwks = createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`), { cooldownDuration: 1000 });

  async function askBaton(token, scope) {
    try {
      const response = await fetch(`${issuer}/api/v1/decisions`, {
        method: "POST",
        headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
        body: JSON.stringify({ token, scope }),
      });
      return response.ok ? await response.json() : { allow: false, reason: `baton answered ${response.status}` };
    } catch {
      return { allow: false, reason: "baton unreachable" }; // fail closed
    }
  }

  const server = http.createServer(async (request, response) => {
    const reply = (status, body) => response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    const scope = ROUTES[`${request.method} ${new URL(request.url, "http://localhost").pathname}`];
    if (!scope) return reply(404, { error: "not_found" });
    const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? "")?.[1];
    if (!token) return reply(401, { error: "missing_token" });
    try {
      // Offline first: a token Baton did not sign for this service never costs Baton a call.
      await jwtVerify(token, jwks, { issuer, audience, typ: "at+jwt", algorithms: ["EdDSA"] });
    } catch {
      return reply(401, { error: "invalid_token" });
    }
    const decision = await askBaton(token, scope);
    if (!decision.allow) return reply(403, { error: "access_denied", reason: decision.reason });
    return reply(200, { customers: [{ id: 42, name: "Ada Lovelace" }], grantId: decision.grantId });
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { BATON_URL = "http://localhost:3000", BATON_RS_SECRET, AUDIENCE, PORT = "4000" } = process.env;
  if (!BATON_RS_SECRET || !AUDIENCE) throw new Error("Set BATON_RS_SECRET and AUDIENCE (the resource server's secret and audience)");
  const server = await startDownstreamService({ batonUrl: BATON_URL, secret: BATON_RS_SECRET, audience: AUDIENCE, port: Number(PORT) });
  console.log(`downstream service on http://127.0.0.1:${server.address().port}, enforcing Baton grants for ${AUDIENCE}`);
}

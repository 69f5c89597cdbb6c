import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload, type CryptoKey } from "jose";

interface SigningKey {
  kid: string;
  alg: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

/**
 * A workload identity issuer on 127.0.0.1, as GitHub Actions or a Kubernetes API server is one: OpenID
 * discovery at /.well-known/openid-configuration, its keys at /jwks, and tokens of the platform's shape
 * signed with them. It counts key fetches, so a test can watch Baton's cache.
 */
export async function startWorkloadIssuer(options: { algorithms?: string[] } = {}) {
  const keys: SigningKey[] = [];
  const addKey = async (alg: string) => {
    const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
    const kid = `key-${keys.length + 1}-${alg}`;
    const key = { kid, alg, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: "sig" } };
    keys.push(key);
    return key;
  };
  for (const alg of options.algorithms ?? ["RS256"]) await addKey(alg);
  let jwksFetches = 0;
  let discoveryFetches = 0;
  let url = "";
  const server = http.createServer((request, response) => {
    if (request.url === "/.well-known/openid-configuration") {
      discoveryFetches += 1;
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ issuer: url, jwks_uri: `${url}/jwks` }));
    } else if (request.url === "/jwks") {
      jwksFetches += 1;
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: keys.map((key) => key.publicJwk) }));
    } else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const now = () => Math.floor(Date.now() / 1000);
  /** Signs `claims` (iss, iat, nbf, exp in five minutes and a fresh jti unless given) with the first key, or the one named. */
  const sign = async (claims: JWTPayload, header: { kid?: string; typ?: string } = {}) => {
    const key = keys.find((candidate) => candidate.kid === (header.kid ?? keys[0]!.kid)) ?? keys[0]!;
    return new SignJWT({ iss: url, iat: now(), nbf: now() - 5, exp: now() + 300, jti: randomUUID(), ...claims })
      .setProtectedHeader({ alg: key.alg, kid: header.kid ?? key.kid, typ: header.typ ?? "JWT" })
      .sign(key.privateKey);
  };
  return {
    get url() {
      return url;
    },
    keys,
    addKey,
    sign,
    /** A GitHub Actions OIDC token's claims for a push to `ref` of `repository`. */
    githubActions: (audience: string, repository: string, ref = "refs/heads/main", extra: JWTPayload = {}) =>
      sign({
        aud: audience,
        sub: `repo:${repository}:ref:${ref}`,
        repository,
        repository_owner: repository.split("/")[0],
        ref,
        environment: "production",
        workflow: "deploy",
        run_id: "1234567890",
        actor: "octocat",
        event_name: "push",
        ...extra,
      }),
    /** A projected Kubernetes service-account token's claims. */
    kubernetes: (audience: string, namespace: string, serviceAccount: string) =>
      sign({
        aud: [audience],
        sub: `system:serviceaccount:${namespace}:${serviceAccount}`,
        "kubernetes.io": { namespace, serviceaccount: { name: serviceAccount, uid: randomUUID() }, pod: { name: "runner-7d9f", uid: randomUUID() } },
      }),
    fetches: () => ({ jwks: jwksFetches, discovery: discoveryFetches }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type WorkloadIssuerFixture = Awaited<ReturnType<typeof startWorkloadIssuer>>;

import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { base64url, calculateJwkThumbprint, SignJWT, type JWK, type JWTPayload } from "jose";
import { describe, expect, it, vi } from "vitest";
import { verifyGrantToken } from "@/lib/grant-tokens/verify-grant-token";

const ISSUER = "https://baton.example.test";
const AUDIENCE = "https://crm.example.test";
const NOW = new Date("2026-11-24T12:00:00.000Z");
const nowSeconds = NOW.getTime() / 1000;

const baton = generateKeyPairSync("ed25519");
const attacker = generateKeyPairSync("ed25519");
const KID = await calculateJwkThumbprint(baton.publicKey.export({ format: "jwk" }) as JWK);
const findKey = vi.fn(async (kid: string) => (kid === KID ? baton.publicKey : null));

const claims: JWTPayload = {
  iss: ISSUER,
  sub: "agt_01jd3z8k6q4d2w5h7x9c0v1b2n",
  aud: AUDIENCE,
  scope: "crm.customers:read",
  jti: "0b6f3f4e-8a57-4c1e-9f3e-2f1d8a6b7c90",
  grant_id: "grt_01jd3z8k6q4d2w5h7x9c0v1b2n",
  client_id: "agt_01jd3z8k6q4d2w5h7x9c0v1b2n",
  iat: nowSeconds - 10,
  exp: nowSeconds + 290,
};

function sign(payload: JWTPayload = claims, header: Record<string, unknown> = {}, key: KeyObject = baton.privateKey) {
  return new SignJWT(payload).setProtectedHeader({ alg: "EdDSA", typ: "at+jwt", kid: KID, ...header }).sign(key);
}

const verify = (token: string, overrides: { audience?: string; issuer?: string; now?: Date } = {}) =>
  verifyGrantToken({ token, issuer: overrides.issuer ?? ISSUER, audience: overrides.audience ?? AUDIENCE, findKey, now: overrides.now ?? NOW });

const encode = (value: unknown) => base64url.encode(JSON.stringify(value));

describe("verifyGrantToken", () => {
  it("returns the claims of a token Baton signed for this audience", async () => {
    expect(await verify(await sign())).toMatchObject({ sub: claims.sub, grant_id: claims.grant_id, scope: "crm.customers:read" });
  });

  describe("B1: unsigned tokens", () => {
    it("refuses alg none", async () => {
      const token = `${encode({ alg: "none", typ: "at+jwt", kid: KID })}.${encode(claims)}.`;
      expect(await verify(token)).toBeNull();
    });

    it("refuses a valid header with the signature cut off", async () => {
      const [header, payload] = (await sign()).split(".");
      expect(await verify(`${header}.${payload}.`)).toBeNull();
      expect(await verify(`${header}.${payload}`)).toBeNull();
    });

    it("refuses another algorithm, such as HS256 keyed with the public key (algorithm confusion)", async () => {
      const secret = new TextEncoder().encode(JSON.stringify(baton.publicKey.export({ format: "jwk" })));
      const token = await new SignJWT(claims).setProtectedHeader({ alg: "HS256", typ: "at+jwt", kid: KID }).sign(secret);
      expect(await verify(token)).toBeNull();
    });
  });

  describe("B4: key hints in the header are never followed", () => {
    const attackerJwk = attacker.publicKey.export({ format: "jwk" });

    it.each([
      ["an embedded jwk", { jwk: attackerJwk }],
      ["a jku URL", { jku: "https://attacker.example/jwks.json" }],
      ["an x5u URL", { x5u: "https://attacker.example/cert.pem" }],
    ])("refuses %s with the attacker's signature, whatever the kid", async (_case, header) => {
      expect(await verify(await sign(claims, header, attacker.privateKey))).toBeNull();
      expect(await verify(await sign(claims, { ...header, kid: "attacker-key" }, attacker.privateKey))).toBeNull();
    });

    it("refuses a token without a kid or with an unknown one", async () => {
      expect(await verify(await sign(claims, { kid: undefined }))).toBeNull();
      expect(await verify(await sign(claims, { kid: "retired-long-ago" }))).toBeNull();
      expect(await verify(await sign(claims, { kid: "A".repeat(43) }))).toBeNull();
    });
  });

  describe("B5: the wrong audience, issuer or type", () => {
    it("refuses a token for another resource server", async () => {
      expect(await verify(await sign(), { audience: "https://billing.example.test" })).toBeNull();
      expect(await verify(await sign({ ...claims, aud: [AUDIENCE, "https://billing.example.test"] }))).toBeNull();
    });

    it("refuses another issuer", async () => {
      expect(await verify(await sign({ ...claims, iss: "https://evil.example" }))).toBeNull();
      expect(await verify(await sign(), { issuer: "https://other-baton.example.test" })).toBeNull();
    });

    it.each([["JWT"], ["id_token+jwt"], [undefined]])("refuses typ %s (an ID token or other JWT)", async (typ) => {
      expect(await verify(await sign(claims, { typ }))).toBeNull();
    });

    it("accepts the media-type spelling of at+jwt (RFC 9068)", async () => {
      expect(await verify(await sign(claims, { typ: "application/at+jwt" }))).not.toBeNull();
    });
  });

  it("B6: refuses a payload whose scope was widened under the original signature", async () => {
    const [header, , signature] = (await sign()).split(".");
    const widened = encode({ ...claims, scope: "crm.customers:read crm.customers:write" });
    expect(await verify(`${header}.${widened}.${signature}`)).toBeNull();
  });

  describe("expiry", () => {
    const exp = claims.exp! * 1000;

    it("is valid until the last millisecond before exp, and dead at exp", async () => {
      const token = await sign();
      expect(await verify(token, { now: new Date(exp - 1) })).not.toBeNull();
      expect(await verify(token, { now: new Date(exp) })).toBeNull();
      expect(await verify(token, { now: new Date(exp + 1) })).toBeNull();
    });

    it("refuses a token issued in the future beyond the skew leeway", async () => {
      expect(await verify(await sign({ ...claims, iat: nowSeconds + 31 }))).toBeNull();
      expect(await verify(await sign({ ...claims, iat: nowSeconds + 30 }))).not.toBeNull();
    });
  });

  it("refuses a token missing Baton's claims", async () => {
    expect(await verify(await sign({ ...claims, grant_id: undefined }))).toBeNull();
    expect(await verify(await sign({ ...claims, scope: ["crm.customers:read"] }))).toBeNull();
  });

  describe("H1: every header and claim is untrusted input", () => {
    it.each([
      ["NUL", `${KID}\u0000`],
      ["a control character", `${KID.slice(0, 20)}\n${KID.slice(21)}`],
      ["one character too many", `${KID}A`],
      ["a character outside base64url", `${KID.slice(0, 42)}=`],
      ["a megabyte-ish length", "A".repeat(6000)],
      ["a number", 42],
      ["an object", { $ne: null }],
      ["an array", [KID]],
      ["null", null],
    ])("never looks up a kid with %s, even under Baton's own signature", async (_case, kid) => {
      findKey.mockClear();
      expect(await verify(await sign(claims, { kid }))).toBeNull();
      expect(findKey).not.toHaveBeenCalled();
    });

    it.each([
      ["sub with NUL", { sub: `${claims.sub}\u0000` }],
      ["sub of another kind of id", { sub: "usr_01jd3z8k6q4d2w5h7x9c0v1b2n" }],
      ["sub as a number", { sub: 7 }],
      ["grant_id with a control character", { grant_id: "grt_01jd3z8k6q4d2w5h7x9c0v1b2\u001b" }],
      ["grant_id as an object", { grant_id: { id: claims.grant_id } }],
      ["client_id not an agent id", { client_id: "' OR 1=1 --" }],
      ["scope with NUL", { scope: "crm.customers:read\u0000" }],
      ["scope with a key Baton would never issue", { scope: "crm.customers:read ../../etc" }],
      ["jti not a UUID", { jti: "x".repeat(300) }],
      ["jti as a number", { jti: 1 }],
      ["exp beyond what a date holds", { exp: 1e300 }],
      ["exp past the year 9999", { exp: 253_402_300_800 }],
      ["exp as a string", { exp: String(claims.exp) }],
      ["iat negative", { iat: -1 }],
      ["act not an object", { act: "alice@example.com" }],
      ["act.sub with a control character", { act: { sub: "alice@example.com\r\nX: y" } }],
    ])("refuses %s under Baton's own signature", async (_case, changed) => {
      expect(await verify(await sign({ ...claims, ...changed } as JWTPayload))).toBeNull();
    });

    it("accepts the claims Baton issues, act included", async () => {
      expect(await verify(await sign({ ...claims, act: { sub: "alice@example.com" } }))).toMatchObject({ act: { sub: "alice@example.com" } });
    });
  });

  it("refuses absurdly long input without parsing it", async () => {
    expect(await verify("a".repeat(10_000))).toBeNull();
  });

  it("lets a failure to reach the keys surface as an error, not as an invalid token", async () => {
    const token = await sign();
    await expect(
      verifyGrantToken({ token, issuer: ISSUER, audience: AUDIENCE, now: NOW, findKey: async () => Promise.reject(new Error("database down")) }),
    ).rejects.toThrow("database down");
  });
});

// Property-based forgeries of grant tokens: every JOSE header and claim fuzzed (wrong type, control
// characters, NUL, huge, duplicated, not JSON), signed with Baton's real signing key — so the checks after
// the signature run too — or with a stranger's key, or not at all. They go to every door that reads a
// grant token: decisions, introspection and token exchange in the app (over HTTP, through the test
// adapter) and decisions and introspection in `baton pdp`. For every case: never a 5xx; exactly a deny
// (never "unavailable"), exactly {"active":false}, exactly invalid_grant — unless the token is one Baton
// could have issued; and nothing logged, so no database error either.
import { createPrivateKey, generateKeyPairSync, randomUUID, sign, type KeyObject } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as decisionsRoute from "@/app/api/v1/decisions/route";
import * as introspectRoute from "@/app/api/v1/introspect/route";
import * as tokenExchangeRoute from "@/app/api/v1/token/route";
import * as tokenRoute from "@/app/api/v1/grants/[id]/token/route";
import { DECISION_REASONS } from "@/lib/decisions/schemas";
import { GRANT_ID_TOKEN_TYPE, TOKEN_EXCHANGE_GRANT_TYPE } from "@/lib/grant-tokens/token-exchange-format";
import { startPdp, type RunningPdp } from "@/lib/pdp/start-pdp";
import { getSigningKey } from "@/lib/signing-keys/get-signing-key";
import { call, ensureAdmin } from "./api-helpers";
import { nastyValue } from "./fuzz-arbitraries";
import { serveRouteHandlers } from "./http-adapter";
import { CRM, grantFor, setUpWorld, type World } from "./resource-server-fixtures";
import { testDatabaseKind } from "./setup-database";

const CASES = 400;
const SCOPE = "crm.customers:read";
/** Both decision points take a request body of at most 16 KiB: tokens stay below it, and above Baton's 8192-character limit. */
const MAX_FUZZED_TOKEN = 12_000;

let world: World;
let grantId: string;
let app: { url: string; close: () => Promise<void> };
let pdp: RunningPdp | undefined;
let baton: { kid: string; privateKey: KeyObject };
const stranger = generateKeyPairSync("ed25519").privateKey;
/** Everything written to the console or reported by the decision point while the forgeries ran. */
const logged: string[] = [];

beforeAll(async () => {
  const admin = await ensureAdmin();
  world = await setUpWorld(admin);
  grantId = (await grantFor(world.ops.key, [SCOPE], { durationSeconds: 3600 })).id;
  // Signing keys are created on first use; a real token also proves the fixtures can be allowed at all.
  expect((await call(tokenRoute.POST, { token: world.ops.key, params: { id: grantId }, body: { audience: CRM } })).status).toBe(200);
  const signing = await getSigningKey();
  baton = { kid: signing.kid, privateKey: createPrivateKey(signing.privateKey.export({ format: "pem", type: "pkcs8" })) };
  app = await serveRouteHandlers([
    { method: "POST", path: "/api/v1/decisions", handler: decisionsRoute.POST },
    { method: "POST", path: "/api/v1/introspect", handler: introspectRoute.POST },
    { method: "POST", path: "/api/v1/token", handler: tokenExchangeRoute.POST },
  ]);
  if (testDatabaseKind === "postgresql")
    pdp = await startPdp({
      databaseUrl: process.env.DATABASE_URL!,
      issuer: app.url,
      port: 0,
      tokenCache: false,
      onError: (error) => logged.push(`pdp: ${String(error)}`),
    });
  for (const method of ["error", "warn"] as const)
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(`console.${method}: ${args.map(String).join(" ")}`));
});

afterAll(async () => {
  vi.restoreAllMocks();
  await pdp?.close();
  await app?.close();
});

// ---- forging ----------------------------------------------------------------------------------------

/** A part of the token as the forger wrote it: a JSON value, or text or bytes that need not be JSON at all. */
type Part = { kind: "json"; value: unknown } | { kind: "text"; text: string } | { kind: "bytes"; bytes: Uint8Array };

interface Forgery {
  header: Part;
  payload: Part;
  signature: "baton" | "stranger" | "tampered" | "none" | { garbage: string };
  why: string;
}

type Token = { kind: "forged"; forgery: Forgery } | { kind: "garbage"; text: string };

const bytesOf = (part: Part): Buffer =>
  part.kind === "json" ? Buffer.from(JSON.stringify(part.value) ?? "null") : part.kind === "text" ? Buffer.from(part.text) : Buffer.from(part.bytes);

function textOf(token: Token): string {
  if (token.kind === "garbage") return token.text;
  const { header, payload, signature } = token.forgery;
  const signingInput = `${bytesOf(header).toString("base64url")}.${bytesOf(payload).toString("base64url")}`;
  if (signature === "none") return `${signingInput}.`;
  if (typeof signature === "object") return `${signingInput}.${signature.garbage}`;
  const signed = sign(null, Buffer.from(signingInput), signature === "stranger" ? stranger : baton.privateKey);
  if (signature === "tampered") signed[signed.length - 1]! ^= 1;
  return `${signingInput}.${signed.toString("base64url")}`;
}

const validHeader = () => ({ alg: "EdDSA", typ: "at+jwt", kid: baton.kid });
const validClaims = () => {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: app.url,
    sub: world.ops.id,
    aud: CRM,
    scope: SCOPE,
    jti: randomUUID(),
    grant_id: grantId,
    client_id: world.ops.id,
    iat: now - 5,
    exp: now + 240,
  };
};

const controlCharacters = fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)), minLength: 1, maxLength: 12 });
/** Values a header field or claim should never carry, bounded so the token stays under the body limits. */
const poison: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyValue.filter((value) => (JSON.stringify(value)?.length ?? 0) <= 3_000) },
  { weight: 2, arbitrary: controlCharacters },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 6_000 }).map((length) => "A".repeat(length)) },
  { weight: 1, arbitrary: fc.constantFrom(1e300, -1, 2 ** 53, 253_402_300_800, 1.5, "9999999999", [], {}, null, true) },
);

/** Near misses of each field's real value: NUL or a control character inside it, one character too many, another prefix. */
function nearMisses(value: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc
      .tuple(fc.nat(value.length), fc.constantFrom("\u0000", "\n", "\u001b", "\u202e", "\ud800", " ", "%00"))
      .map(([at, inserted]) => value.slice(0, at) + inserted + value.slice(at)),
    fc.constantFrom(value + "A", value.slice(1), value.toUpperCase(), ` ${value}`, value.replace(/^[a-z]+_/, "usr_")),
  );
}

const HEADER_FIELDS = ["alg", "typ", "kid", "crit", "b64", "jku", "jwk", "x5u", "cty", "zip"] as const;
const CLAIMS = ["iss", "sub", "aud", "scope", "jti", "grant_id", "client_id", "iat", "exp", "nbf", "act"] as const;

/** A valid JSON object with one field replaced (by poison or a near miss), dropped or duplicated with a second value, or no object at all. */
function mutated(valid: () => Record<string, unknown>, fields: readonly string[], name: string): fc.Arbitrary<{ part: Part; why: string }> {
  const withField = fc.tuple(fc.constantFrom(...fields), fc.nat()).chain(([field, seed]) => {
    const base = valid();
    const original = base[field];
    const replacement = typeof original === "string" ? fc.oneof(poison, nearMisses(original)) : poison;
    return fc.oneof(
      replacement.map((value) => ({
        part: { kind: "json", value: { ...base, [field]: value } } as Part,
        why: `${name}.${field} = ${JSON.stringify(value)?.slice(0, 80)}`,
      })),
      fc.constant({
        part: { kind: "json", value: Object.fromEntries(Object.entries(base).filter(([key]) => key !== field)) } as Part,
        why: `${name}.${field} dropped`,
      }),
      // JSON.parse keeps the last of duplicate keys: the value read after the real one.
      replacement.map((value) => {
        const text = JSON.stringify(base).slice(0, -1) + `,${JSON.stringify(field)}:${JSON.stringify(value) ?? "null"}}`;
        return { part: { kind: "text", text } as Part, why: `${name}.${field} duplicated with ${JSON.stringify(value)?.slice(0, 80)} (seed ${seed})` };
      }),
    );
  });
  return fc.oneof(
    { weight: 8, arbitrary: withField },
    {
      weight: 1,
      arbitrary: poison.map((value) => ({ part: { kind: "json", value } as Part, why: `${name} replaced by ${JSON.stringify(value)?.slice(0, 80)}` })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom("{", "", "null", '{"alg":"EdDSA"', "\u0000", "[]")
        .map((text) => ({ part: { kind: "text", text } as Part, why: `${name} is not a JSON object: ${JSON.stringify(text)}` })),
    },
    {
      weight: 1,
      arbitrary: fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => ({ part: { kind: "bytes", bytes } as Part, why: `${name} is arbitrary bytes` })),
    },
  );
}

const intact = (valid: () => Record<string, unknown>) => fc.constant(null).map(() => ({ part: { kind: "json", value: valid() } as Part, why: "intact" }));

const forgeries: fc.Arbitrary<Token> = fc
  .record({
    header: fc.oneof({ weight: 1, arbitrary: intact(validHeader) }, { weight: 2, arbitrary: mutated(validHeader, HEADER_FIELDS, "header") }),
    payload: fc.oneof({ weight: 1, arbitrary: intact(validClaims) }, { weight: 2, arbitrary: mutated(validClaims, CLAIMS, "claims") }),
    signature: fc.oneof(
      { weight: 8, arbitrary: fc.constant<Forgery["signature"]>("baton") },
      { weight: 1, arbitrary: fc.constantFrom<Forgery["signature"]>("stranger", "tampered", "none") },
      { weight: 1, arbitrary: fc.string({ maxLength: 100 }).map<Forgery["signature"]>((garbage) => ({ garbage })) },
    ),
  })
  .map<Token>(({ header, payload, signature }) => ({
    kind: "forged",
    forgery: {
      header: header.part,
      payload: payload.part,
      signature,
      why: `${header.why}; ${payload.why}; signed ${typeof signature === "string" ? signature : "with garbage"}`,
    },
  }));

/** Not a JWS at all: text of any length and content, NUL and lone surrogates included. */
const garbageTokens: fc.Arbitrary<Token> = fc
  .oneof(
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 200 }),
    fc.array(fc.string({ minLength: 0, maxLength: 30 }), { minLength: 2, maxLength: 6 }).map((parts) => parts.join(".")),
    fc.integer({ min: 8_000, max: MAX_FUZZED_TOKEN }).map((length) => "eyJ".padEnd(length, "A")),
    fc.string({ unit: "binary", minLength: 1, maxLength: 200 }),
    fc.constantFrom(
      "..",
      ".",
      "a.b.c",
      "eyJhbGciOiJub25lIn0.e30.",
      "null",
      "\u0000",
      "\ud800",
      "grt_00000000000000000000000000\u0000",
      "grt_00000000000000000000000000",
    ),
  )
  .map((text) => ({ kind: "garbage", text }));

const tokens: fc.Arbitrary<Token> = fc.oneof({ weight: 9, arbitrary: forgeries }, { weight: 1, arbitrary: garbageTokens });

// ---- the oracle -------------------------------------------------------------------------------------

function decodedJson(part: Part): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytesOf(part)));
  } catch {
    return undefined;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Whether Baton could have issued this token for the fuzzed grant: signed with its key, with the header
 * and the claims that name that grant and audience, unexpired. Deliberately lenient about what the
 * verifier may refuse anyway; only a token this says no to must never be allowed.
 */
function batonCouldHaveIssued(token: Token): boolean {
  if (token.kind === "garbage" || token.forgery.signature !== "baton") return false;
  const header = decodedJson(token.forgery.header);
  const claims = decodedJson(token.forgery.payload);
  if (!isObject(header) || !isObject(claims)) return false;
  const typ = typeof header.typ === "string" ? header.typ.toLowerCase().replace(/^application\//, "") : undefined;
  const now = Date.now() / 1000;
  return (
    header.alg === "EdDSA" &&
    header.kid === baton.kid &&
    typ === "at+jwt" &&
    claims.iss === app.url &&
    claims.aud === CRM &&
    claims.sub === world.ops.id &&
    claims.grant_id === grantId &&
    Number.isSafeInteger(claims.exp) &&
    (claims.exp as number) > now
  );
}

// ---- the doors --------------------------------------------------------------------------------------

interface Answer {
  status: number;
  json: unknown;
}

async function post(base: string, path: string, body: Record<string, string>, options: { form?: boolean; bearer?: string } = {}): Promise<Answer> {
  const response = await fetch(`${base}${path}`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${options.bearer ?? world.crmSecret}`,
      "content-type": options.form ? "application/x-www-form-urlencoded" : "application/json",
    },
    body: options.form ? new URLSearchParams(body).toString() : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown = text;
  try {
    json = JSON.parse(text);
  } catch {
    // kept as text, so a failing case shows what came back
  }
  return { status: response.status, json };
}

const DENY_REASONS = DECISION_REASONS.filter((reason) => reason !== "granted" && reason !== "unavailable");

function expectDecision(answer: Answer, token: Token) {
  expect(answer.status, JSON.stringify(answer.json)).toBe(200);
  const decision = answer.json as { allow?: unknown; reason?: unknown };
  if (decision.allow === true && batonCouldHaveIssued(token)) return expect(decision).toMatchObject({ reason: "granted", grantId });
  expect(Object.keys(decision).sort()).toEqual(["allow", "reason"]);
  expect(decision.allow).toBe(false);
  expect(decision.reason, "a deny reason, never unavailable").toBeOneOf(DENY_REASONS);
}

function expectIntrospection(answer: Answer, token: Token) {
  expect(answer.status, JSON.stringify(answer.json)).toBe(200);
  const introspection = answer.json as { active?: unknown };
  if (introspection.active === true && batonCouldHaveIssued(token))
    return expect(introspection).toMatchObject({ grant_id: grantId, sub: world.ops.id, scope: SCOPE });
  expect(introspection).toEqual({ active: false });
}

/** Runs the property, then fails on anything logged meanwhile (a database error, an unhandled error, a decision reported unavailable). */
async function fuzz(property: (token: Token) => Promise<void>) {
  logged.length = 0;
  await fc.assert(
    fc.asyncProperty(tokens, async (token) => {
      try {
        await property(token);
      } catch (error) {
        const { message, actual } = error as { message: string; actual?: unknown };
        const what = token.kind === "forged" ? token.forgery.why : `garbage ${JSON.stringify(token.text.slice(0, 120))} (${token.text.length} chars)`;
        throw new Error(`${what}\n${message}${actual === undefined ? "" : `\nreceived: ${JSON.stringify(actual)?.slice(0, 500)}`}`);
      }
    }),
    { numRuns: CASES, endOnFailure: true },
  );
  expect(logged).toEqual([]);
}

describe("H1: forged and fuzzed grant tokens (JOSE headers and claims)", () => {
  it("the grant the forgeries aim at is live: its real token is allowed by every door", async () => {
    const real = textOf({
      kind: "forged",
      forgery: { header: { kind: "json", value: validHeader() }, payload: { kind: "json", value: validClaims() }, signature: "baton", why: "real" },
    });
    for (const base of [app.url, ...(pdp ? [pdp.url] : [])]) {
      expect((await post(base, "/api/v1/decisions", { token: real, scope: SCOPE })).json).toMatchObject({ allow: true, grantId });
      expect((await post(base, "/api/v1/introspect", { token: real }, { form: true })).json).toMatchObject({ active: true, grant_id: grantId });
    }
  });

  it("app: decisions deny, introspection says only {active: false}, token exchange answers invalid_grant", async () => {
    await fuzz(async (token) => {
      const text = textOf(token);
      expectDecision(await post(app.url, "/api/v1/decisions", { token: text, scope: SCOPE }), token);
      expectDecision(await post(app.url, "/api/v1/decisions", { token: text }), token);
      expectIntrospection(await post(app.url, "/api/v1/introspect", { token: text }, { form: true }), token);
      const exchanged = await post(
        app.url,
        "/api/v1/token",
        { grant_type: TOKEN_EXCHANGE_GRANT_TYPE, subject_token: text, subject_token_type: GRANT_ID_TOKEN_TYPE, audience: CRM },
        { form: true, bearer: world.ops.key },
      );
      expect(exchanged).toEqual({ status: 400, json: { error: "invalid_grant", error_description: expect.any(String) } });
    });
  });

  it.runIf(testDatabaseKind === "postgresql")("baton pdp: decisions deny and introspection says only {active: false}", async () => {
    await fuzz(async (token) => {
      const text = textOf(token);
      expectDecision(await post(pdp!.url, "/api/v1/decisions", { token: text, scope: SCOPE }), token);
      expectIntrospection(await post(pdp!.url, "/api/v1/introspect", { token: text }, { form: true }), token);
    });
  });

  it("introspection answers {active: false} to any token it cannot use, however long or malformed; only a missing token is a bad request", async () => {
    for (const token of ["", "x", "a.b.c", "\u0000", "eyJ\u0000.e30.", "\ud800", "eyJ".padEnd(8_193, "A"), "eyJ".padEnd(40_000, "A")]) {
      for (const form of [true, false])
        expect(await post(app.url, "/api/v1/introspect", { token }, { form })).toEqual({ status: 200, json: { active: false } });
      expect(await post(app.url, "/api/v1/decisions", { token: token || "x" })).toEqual({ status: 200, json: { allow: false, reason: "token_invalid" } });
    }
    expect((await post(app.url, "/api/v1/introspect", {}, { form: true })).status).toBe(400);
    // Only the token is exempt from the body's text rules: it is examined, never stored; every other field still refuses NUL.
    expect((await post(app.url, "/api/v1/introspect", { token: "x", token_type_hint: "\u0000" }, { form: true })).status).toBe(400);
    expect(logged).toEqual([]);
  });
});

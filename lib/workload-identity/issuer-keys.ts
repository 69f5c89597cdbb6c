import { createLocalJWKSet, type JSONWebKeySet, type JWTHeaderParameters, type FlattenedJWSInput, type CryptoKey, type KeyObject } from "jose";
import { outboundFetch } from "@/lib/webhooks/outbound-fetch";

/** Keys are trusted this long before they are fetched again, even when every `kid` is known. */
const KEYS_MAX_AGE_MS = 10 * 60_000;
/** An unknown `kid` refetches the keys at most this often per issuer, so a storm of made-up kids costs one fetch a minute. */
export const UNKNOWN_KID_REFETCH_MS = 60_000;
const FETCH_TIMEOUT_MS = 5_000;
const MAX_DOCUMENT_BYTES = 256 * 1024;

export interface IssuerKeySource {
  id: string;
  issuer: string;
  jwksUri: string | null;
}

interface CachedKeys {
  keys: JSONWebKeySet;
  /** When the keys were last fetched successfully. */
  fetchedAt: number;
  /** When a fetch was last started, successful or not: the once-a-minute limit counts from here. */
  attemptedAt: number;
  lastError?: string;
  /** One fetch at a time per issuer: concurrent exchanges wait for the same one. */
  inFlight?: Promise<void>;
}

const state = globalThis as unknown as { __batonIssuerKeys?: Map<string, CachedKeys> };
const cache = (state.__batonIssuerKeys ??= new Map<string, CachedKeys>());

/** Why the keys could not be had: a refusal of the token, never a server error. */
export class IssuerKeysUnavailable extends Error {
  override name = "IssuerKeysUnavailable";
}

/** Forgets an issuer's keys (it was deleted or changed); tests use it too. */
export function forgetIssuerKeys(issuerId?: string) {
  if (issuerId) cache.delete(issuerId);
  else cache.clear();
}

async function fetchJson(url: string, fetchImpl: typeof fetch): Promise<unknown> {
  let response: Response;
  try {
    response = await fetchImpl(url, { headers: { accept: "application/json" }, redirect: "error", signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (error) {
    throw new IssuerKeysUnavailable(`${url} could not be reached: ${error instanceof Error ? error.message : "network error"}`);
  }
  if (!response.ok) throw new IssuerKeysUnavailable(`${url} answered ${response.status}`);
  const declared = Number(response.headers.get("content-length") ?? NaN);
  if (declared > MAX_DOCUMENT_BYTES) throw new IssuerKeysUnavailable(`${url} is larger than ${MAX_DOCUMENT_BYTES} bytes`);
  const text = await readCapped(response, url);
  try {
    return JSON.parse(text);
  } catch {
    throw new IssuerKeysUnavailable(`${url} is not JSON`);
  }
}

/** The body as text, read no further than the cap: an issuer cannot make Baton buffer an endless answer. */
async function readCapped(response: Response, url: string): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      size += chunk.value.byteLength;
      if (size > MAX_DOCUMENT_BYTES) {
        await reader.cancel();
        throw new IssuerKeysUnavailable(`${url} is larger than ${MAX_DOCUMENT_BYTES} bytes`);
      }
      chunks.push(chunk.value);
    }
  } catch (error) {
    if (error instanceof IssuerKeysUnavailable) throw error;
    throw new IssuerKeysUnavailable(`${url} could not be read: ${error instanceof Error ? error.message : "network error"}`);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The JWKS URL: registered, or from the issuer's OpenID discovery document (whose `issuer` must be the registered one). */
async function resolveJwksUri(source: IssuerKeySource, fetchImpl: typeof fetch): Promise<string> {
  if (source.jwksUri) return source.jwksUri;
  const discoveryUrl = `${source.issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`;
  const document = (await fetchJson(discoveryUrl, fetchImpl)) as { issuer?: unknown; jwks_uri?: unknown } | null;
  if (document?.issuer !== source.issuer) throw new IssuerKeysUnavailable(`${discoveryUrl} names another issuer`);
  if (typeof document.jwks_uri !== "string" || !URL.canParse(document.jwks_uri) || !/^https?:$/.test(new URL(document.jwks_uri).protocol))
    throw new IssuerKeysUnavailable(`${discoveryUrl} has no usable jwks_uri`);
  return document.jwks_uri;
}

async function load(source: IssuerKeySource, fetchImpl: typeof fetch): Promise<JSONWebKeySet> {
  const jwksUri = await resolveJwksUri(source, fetchImpl);
  const document = (await fetchJson(jwksUri, fetchImpl)) as JSONWebKeySet | null;
  if (!document || !Array.isArray(document.keys)) throw new IssuerKeysUnavailable(`${jwksUri} is not a JSON Web Key Set`);
  // Symmetric keys are never a workload issuer's: dropping them rules out HMAC tokens "signed" with a published secret.
  return { keys: document.keys.filter((key) => typeof key === "object" && key !== null && key.kty !== "oct").slice(0, 100) };
}

function refresh(source: IssuerKeySource, fetchImpl: typeof fetch, now: number): Promise<void> {
  let entry = cache.get(source.id);
  if (!entry) cache.set(source.id, (entry = { keys: { keys: [] }, fetchedAt: -Infinity, attemptedAt: -Infinity }));
  if (entry.inFlight) return entry.inFlight;
  const current = entry;
  current.attemptedAt = now;
  current.inFlight = load(source, fetchImpl)
    .then(
      (keys) => {
        current.keys = keys;
        current.fetchedAt = now;
        delete current.lastError;
      },
      (error: unknown) => {
        current.lastError = error instanceof Error ? error.message : "the keys could not be fetched";
      },
    )
    .finally(() => delete current.inFlight);
  return current.inFlight;
}

/** How many times the keys of an issuer were fetched: tests watch the unknown-kid limit with it. */
export const issuerKeyFetches = new Map<string, number>();

/**
 * The key resolver for jose's jwtVerify: the issuer's keys from the cache, fetched when absent or older
 * than ten minutes, and fetched again for a `kid` the cache lacks — at most once a minute per issuer,
 * failed fetches included, so a storm of made-up kids or a dead issuer costs one fetch a minute. Fetches
 * go through the outbound fetch, so they obey the private-network rule.
 */
export function issuerKeyResolver(source: IssuerKeySource, options: { now: () => number; fetch?: typeof fetch }) {
  const fetchImpl = options.fetch ?? outboundFetch();
  const counted: typeof fetch = (input, init) => {
    issuerKeyFetches.set(source.id, (issuerKeyFetches.get(source.id) ?? 0) + 1);
    return fetchImpl(input, init);
  };
  return async (header: JWTHeaderParameters, token: FlattenedJWSInput): Promise<CryptoKey | KeyObject> => {
    const now = options.now();
    const entry = cache.get(source.id);
    const mayFetch = !entry || now - entry.attemptedAt >= UNKNOWN_KID_REFETCH_MS;
    const stale = !entry || now - entry.fetchedAt >= KEYS_MAX_AGE_MS;
    const known = !!entry?.keys.keys.some((key) => header.kid === undefined || key.kid === header.kid);
    if (entry?.inFlight) await entry.inFlight;
    else if (mayFetch && (stale || !known)) await refresh(source, counted, now);
    const current = cache.get(source.id);
    if (!current || current.keys.keys.length === 0) throw new IssuerKeysUnavailable(current?.lastError ?? "the issuer has no usable keys");
    return createLocalJWKSet(current.keys)(header, token);
  };
}

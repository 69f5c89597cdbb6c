import { AppError } from "@/lib/errors";

export const MAX_BODY_BYTES = 64 * 1024;

const FORM_CONTENT_TYPE = /^application\/x-www-form-urlencoded\s*(;|$)/i;

/**
 * The raw body with a hard size cap: an over-long Content-Length is refused before reading, and a body
 * without one is cut off at the cap while streaming, so memory stays flat. Empty reads as `undefined`.
 * Signature checks (webhooks) need exactly these bytes, before any parsing.
 */
export async function readCappedBody(request: Request): Promise<Buffer | undefined> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > MAX_BODY_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", `The body must be at most ${MAX_BODY_BYTES} bytes`);
  if (!request.body || declared === 0) return undefined;

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new AppError("PAYLOAD_TOO_LARGE", `The body must be at most ${MAX_BODY_BYTES} bytes`);
    }
    chunks.push(value);
  }
  return size === 0 ? undefined : Buffer.concat(chunks);
}

/**
 * Reads a size-capped JSON body (see readCappedBody). An empty body reads as `undefined` (routes whose
 * body is optional default it). With `acceptsForm`, a form-encoded body reads as an object of its fields.
 * `examinedOnly` names top-level fields that are only checked, never stored nor queried (a token to
 * introspect): they may hold any text, so that a token with a NUL is answered as a token Baton cannot use.
 */
export async function readJsonBody(request: Request, options: { acceptsForm?: boolean; examinedOnly?: readonly string[] } = {}): Promise<unknown> {
  const body = await readCappedBody(request);
  if (!body) return undefined;

  const contentType = request.headers.get("content-type") ?? "";
  if (options.acceptsForm && FORM_CONTENT_TYPE.test(contentType)) return refuseUnstorableText(Object.fromEntries(new URLSearchParams(body.toString("utf8"))), options.examinedOnly);
  if (!/^application\/([a-z.+-]*\+)?json\s*(;|$)/i.test(contentType))
    throw new AppError("BAD_REQUEST", "Send the body as JSON with Content-Type: application/json", { errors: [{ field: "Content-Type", message: "must be application/json" }] });
  return parseJsonText(body, options.examinedOnly);
}

/** Strict UTF-8, then JSON, then nothing PostgreSQL cannot store; any failing is a 400 naming the field. */
export function parseJsonText(body: Buffer, examinedOnly: readonly string[] = []): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body));
  } catch {
    throw new AppError("BAD_REQUEST", "The body is not valid UTF-8 JSON", { errors: [{ field: "body", message: "must be valid JSON" }] });
  }
  return refuseUnstorableText(parsed, examinedOnly);
}

/** NUL, and a UTF-16 surrogate without its pair (JSON can escape both): PostgreSQL stores neither in text or jsonb. */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Walks every key and string of the body (iteratively: it may be deeply nested) and refuses the first unstorable one, naming its field. */
function refuseUnstorableText(body: unknown, examinedOnly: readonly string[] = []): unknown {
  // Each entry points to its parent, so the path is built only for the field that is refused: linear in the body's size at any depth.
  type Entry = { value: unknown; key: string | null; parent: Entry | null };
  const pending: Entry[] = [{ value: body, key: null, parent: null }];
  while (pending.length) {
    const entry = pending.pop()!;
    if (typeof entry.value === "string") {
      if (!UNSTORABLE.test(entry.value) || (entry.parent?.parent === null && examinedOnly.includes(entry.key!))) continue;
      const path: string[] = [];
      for (let at: Entry | null = entry; at?.key != null; at = at.parent) path.unshift(at.key);
      const field = path.join(".") || "body";
      throw new AppError("BAD_REQUEST", `${field}: must not contain NUL characters or unpaired surrogates`, { errors: [{ field, message: "must not contain NUL characters or unpaired surrogates" }] });
    }
    if (entry.value && typeof entry.value === "object")
      for (const [key, child] of Object.entries(entry.value)) pending.push({ value: key, key: "(name)", parent: entry }, { value: child, key, parent: entry });
  }
  return body;
}

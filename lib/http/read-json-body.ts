import { AppError } from "@/lib/kernel/errors";
import { findDuplicateKey } from "./find-duplicate-key";

export const MAX_BODY_BYTES = 64 * 1024;

const FORM_CONTENT_TYPE = /^application\/x-www-form-urlencoded\s*(;|$)/i;

/**
 * The raw body with a hard size cap: an over-long Content-Length is refused before reading, and a body
 * without one is cut off at the cap while streaming, so memory stays flat. Empty reads as `undefined`.
 * Signature checks (webhooks) need exactly these bytes, before any parsing.
 */
export async function readCappedBody(request: Request, limit = MAX_BODY_BYTES): Promise<Buffer | undefined> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > limit) throw new AppError("PAYLOAD_TOO_LARGE", `The body must be at most ${limit} bytes`);
  if (!request.body || declared === 0) return undefined;

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new AppError("PAYLOAD_TOO_LARGE", `The body must be at most ${limit} bytes`);
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
export async function readJsonBody(
  request: Request,
  options: { acceptsForm?: boolean; examinedOnly?: readonly string[]; maxBodyBytes?: number } = {},
): Promise<unknown> {
  const body = await readCappedBody(request, options.maxBodyBytes);
  if (!body) return undefined;

  const contentType = request.headers.get("content-type") ?? "";
  if (options.acceptsForm && FORM_CONTENT_TYPE.test(contentType)) return parseFormText(body, options.examinedOnly);
  if (!/^application\/([a-z.+-]*\+)?json\s*(;|$)/i.test(contentType))
    throw new AppError("BAD_REQUEST", "Send the body as JSON with Content-Type: application/json", {
      errors: [{ field: "Content-Type", message: "must be application/json" }],
    });
  return parseJsonText(body, options.examinedOnly);
}

/** Strict UTF-8, then JSON with no key repeated in any object, then nothing PostgreSQL cannot store; any failing is a 400 naming the field. */
export function parseJsonText(body: Buffer, examinedOnly: readonly string[] = []): unknown {
  let text: string;
  let parsed: unknown;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body);
    parsed = JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The body is not valid UTF-8 JSON", { errors: [{ field: "body", message: "must be valid JSON" }] });
  }
  refuseDuplicateKey(text);
  return refuseUnstorableText(parsed, examinedOnly);
}

/** Names longer than this are cut in the message: the field is echoed back, and a key can be 64 KiB long. */
const MAX_ECHOED_SEGMENT = 100;

function refuseDuplicateKey(text: string): void {
  const duplicate = findDuplicateKey(text);
  if (!duplicate) return;
  const cut = (segment: string) => (segment.length > MAX_ECHOED_SEGMENT ? `${segment.slice(0, MAX_ECHOED_SEGMENT)}…` : segment);
  const field = duplicate.path.map(cut).join(".");
  const message = `the key "${cut(duplicate.key)}" appears more than once in the same object`;
  throw new AppError("BAD_REQUEST", `${field}: ${message}`, { errors: [{ field, message }] });
}

/**
 * A form body as an object of its fields, with nothing PostgreSQL cannot store. A field sent twice is
 * refused, as a repeated JSON key is (and as OAuth requires of its parameters, RFC 6749 §3.1), rather
 * than one of the two silently winning.
 */
export function parseFormText(body: Buffer, examinedOnly: readonly string[] = []): unknown {
  const fields = new URLSearchParams(body.toString("utf8"));
  const seen = new Set<string>();
  for (const name of fields.keys()) {
    if (!seen.has(name)) {
      seen.add(name);
      continue;
    }
    const field = name.slice(0, MAX_ECHOED_SEGMENT);
    const message = `the field "${field}" appears more than once`;
    throw new AppError("BAD_REQUEST", `${field}: ${message}`, { errors: [{ field, message }] });
  }
  return refuseUnstorableText(Object.fromEntries(fields), examinedOnly);
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
      throw new AppError("BAD_REQUEST", `${field}: must not contain NUL characters or unpaired surrogates`, {
        errors: [{ field, message: "must not contain NUL characters or unpaired surrogates" }],
      });
    }
    if (entry.value && typeof entry.value === "object")
      for (const [key, child] of Object.entries(entry.value)) pending.push({ value: key, key: "(name)", parent: entry }, { value: child, key, parent: entry });
  }
  return body;
}

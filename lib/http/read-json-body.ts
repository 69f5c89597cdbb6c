import { AppError } from "@/lib/errors";

export const MAX_BODY_BYTES = 64 * 1024;

const FORM_CONTENT_TYPE = /^application\/x-www-form-urlencoded\s*(;|$)/i;

/**
 * Reads a JSON body with a hard size cap: an over-long Content-Length is refused before reading, and a
 * body without one is cut off at the cap while streaming, so memory stays flat. An empty body reads as
 * `undefined` (routes whose body is optional default it). With `acceptsForm`, a form-encoded body reads
 * as an object of its fields.
 */
export async function readJsonBody(request: Request, options: { acceptsForm?: boolean } = {}): Promise<unknown> {
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
  if (size === 0) return undefined;

  const contentType = request.headers.get("content-type") ?? "";
  if (options.acceptsForm && FORM_CONTENT_TYPE.test(contentType)) return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString("utf8")));
  if (!/^application\/([a-z.+-]*\+)?json\s*(;|$)/i.test(contentType))
    throw new AppError("BAD_REQUEST", "Send the body as JSON with Content-Type: application/json", { errors: [{ field: "Content-Type", message: "must be application/json" }] });
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks)));
  } catch {
    throw new AppError("BAD_REQUEST", "The body is not valid UTF-8 JSON", { errors: [{ field: "body", message: "must be valid JSON" }] });
  }
}

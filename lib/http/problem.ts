import { ZodError } from "zod";
import { isDatabaseUnavailable } from "@/lib/database/is-database-unavailable";
import { AppError, ERROR_STATUS, type ErrorCode, type FieldError } from "@/lib/kernel/errors";

const TITLES: Record<ErrorCode, string> = {
  BAD_REQUEST: "The request is not valid",
  UNAUTHENTICATED: "Authentication required",
  FORBIDDEN: "Not allowed",
  NOT_FOUND: "Not found",
  CONFLICT: "Conflict with the current state",
  PAYLOAD_TOO_LARGE: "Request body too large",
  UNPROCESSABLE: "The request cannot be processed",
  RATE_LIMITED: "Too many requests",
  UNAVAILABLE: "Service unavailable",
};

const typeOf = (code: string) => `urn:baton:problem:${code.toLowerCase().replaceAll("_", "-")}`;

function problem(status: number, code: string, title: string, detail: string, errors?: FieldError[], headers: Record<string, string> = {}) {
  return Response.json(
    { type: typeOf(code), title, status, detail, ...(errors?.length ? { errors } : {}) },
    { status, headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store", ...headers } },
  );
}

/** At most this many field errors are named: a 10,000-element array of wrong things is one mistake, and the answer stays short. */
const MAX_FIELD_ERRORS = 10;

/** `scopes.2` style paths, the way an API caller names a field. */
export function fieldErrorsOf(error: ZodError, prefix?: string): FieldError[] {
  return error.issues.slice(0, MAX_FIELD_ERRORS).map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join(".") || (prefix ?? "body"),
    message: issue.code === "unrecognized_keys" ? `unknown field(s): ${issue.keys.join(", ")}` : issue.message,
  }));
}

/**
 * The one place errors become HTTP (RFC 9457 problem+json). Expected failures keep their message; anything
 * else is a generic 500 with a reference that is also in the server log — never a stack trace.
 */
export function problemResponse(error: unknown): Response {
  if (error instanceof AppError) {
    const headers: Record<string, string> = error.details.retryAfterSeconds ? { "Retry-After": String(error.details.retryAfterSeconds) } : {};
    return problem(error.status, error.code, TITLES[error.code], error.message, error.details.errors, headers);
  }
  if (error instanceof ZodError) {
    const errors = fieldErrorsOf(error);
    return problem(ERROR_STATUS.BAD_REQUEST, "BAD_REQUEST", TITLES.BAD_REQUEST, errors.map((e) => `${e.field}: ${e.message}`).join("; "), errors);
  }
  const code = (error as { code?: unknown })?.code;
  if (code === "P2025") return problem(404, "NOT_FOUND", TITLES.NOT_FOUND, "The resource was not found");
  if (code === "P2034") return problem(409, "CONFLICT", TITLES.CONFLICT, "A concurrent change won; retry the request");
  if (isDatabaseUnavailable(error))
    return problem(503, "UNAVAILABLE", TITLES.UNAVAILABLE, "The database cannot be reached right now; retry shortly", undefined, { "Retry-After": "1" });
  const reference = crypto.randomUUID();
  console.error(`[baton] unhandled error (reference ${reference})`, error);
  return problem(500, "INTERNAL", "Internal error", `Something went wrong. Reference ${reference}.`);
}

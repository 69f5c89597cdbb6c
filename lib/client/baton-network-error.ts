/** Baton could not be reached at all (refused, unknown host, reset): there is no HTTP answer to show. */
export class BatonNetworkError extends Error {
  override readonly name = "BatonNetworkError";
  readonly method: string;
  readonly url: string;

  constructor(input: { method: string; url: string; cause: unknown }) {
    super(`Could not reach Baton at ${input.url}: ${describeCause(input.cause)}`, { cause: input.cause });
    this.method = input.method;
    this.url = input.url;
  }
}

// fetch() only says "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND…) is on its cause, and when
// a host name resolves to several addresses it is an AggregateError with one error per address.
function describeCause(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  if (cause instanceof AggregateError && cause.errors.length > 0) {
    return [...new Set(cause.errors.map((inner: unknown) => (inner instanceof Error ? inner.message : String(inner))))].join("; ");
  }
  if (cause instanceof Error) return cause.message || cause.name;
  return String(cause);
}

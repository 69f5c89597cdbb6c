/** Baton answered 2xx with something outside the contract: usually a proxy in the way or a server of another version. */
export class BatonUnexpectedResponseError extends Error {
  override readonly name = "BatonUnexpectedResponseError";
  readonly method: string;
  readonly url: string;
  readonly status: number;

  constructor(input: { method: string; url: string; status: number; reason: string }) {
    super(`Unexpected answer from ${input.method} ${input.url} (HTTP ${input.status}): ${input.reason}`);
    this.method = input.method;
    this.url = input.url;
    this.status = input.status;
  }
}

import http from "node:http";
import https from "node:https";
import { Readable } from "node:stream";

/** What the Baton client sends: a subset of fetch's RequestInit. */
export interface HttpRequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

/** What the Baton client reads of an answer: a subset of fetch's Response. */
export interface HttpAnswer {
  ok: boolean;
  status: number;
  statusText: string;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
  body: ReadableStream<Uint8Array> | null;
}

/** The transport the client calls; the global fetch is one. */
export type HttpFetch = (url: string, init: HttpRequestInit) => Promise<HttpAnswer>;

/**
 * The client's transport on node:http. The CLI uses it instead of the global fetch, whose first call
 * loads and compiles Node's bundled undici: about 80 ms of CPU, more than the rest of a `baton` call.
 * Resolves once the headers arrive; `signal` aborts the request at any point, the body included.
 */
export const nodeHttpFetch: HttpFetch = (url, init) =>
  new Promise((resolve, reject) => {
    const target = new URL(url);
    const transport = target.protocol === "https:" ? https : http;
    const request = transport.request(target, { method: init.method ?? "GET", headers: init.headers, signal: init.signal }, (answer) => {
      const status = answer.statusCode ?? 0;
      let body: ReadableStream<Uint8Array> | null = null;
      resolve({
        ok: status >= 200 && status < 300,
        status,
        statusText: answer.statusMessage ?? "",
        headers: { get: (name) => headerValue(answer.headers[name.toLowerCase()]) },
        text: async () => {
          const chunks: Buffer[] = [];
          for await (const chunk of answer) chunks.push(chunk as Buffer);
          return Buffer.concat(chunks).toString("utf8");
        },
        // Made on first use: web streams cost a little to load, and only the event stream needs them.
        get body() {
          return (body ??= Readable.toWeb(answer) as ReadableStream<Uint8Array>);
        },
      });
    });
    request.on("error", reject);
    request.end(init.body);
  });

function headerValue(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(", ") : value;
}

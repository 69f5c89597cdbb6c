import http from "node:http";
import type { AddressInfo } from "node:net";
import { pipeline } from "node:stream";

/** How long the proxy waits on a backend for an answer or its next bytes before giving up on it. */
const DEFAULT_BACKEND_TIMEOUT_MS = 10_000;

export interface RoundRobinProxy {
  url: string;
  close(): void;
}

/**
 * Round-robin over app instances, as a load balancer would: a backend that refuses the connection is
 * skipped (the request never reached it); a connection lost mid-request, or a backend silent for
 * backendTimeoutMs, is a 502 for the client to retry, or, once the answer has begun, a broken answer
 * (the client sees its connection end early). Never a response left open: a backend killed after it sent
 * its headers used to leave the client waiting for the rest of a body that would never come.
 */
export function startRoundRobinProxy(backends: string[], { backendTimeoutMs = DEFAULT_BACKEND_TIMEOUT_MS } = {}): Promise<RoundRobinProxy> {
  let next = 0;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks);
      const attempt = (tries: number) => {
        const target = new URL(request.url ?? "/", backends[next++ % backends.length]);
        const upstream = http.request(
          target,
          { method: request.method, headers: { ...request.headers, host: target.host }, timeout: backendTimeoutMs },
          (answer) => {
            response.writeHead(answer.statusCode ?? 502, answer.headers);
            // pipeline, not pipe: an answer cut short (reset, or closed before its end) destroys the client's response too.
            pipeline(answer, response, (error) => {
              if (error) response.destroy();
            });
          },
        );
        upstream.on("timeout", () => upstream.destroy(new Error(`no answer from ${target.origin} within ${backendTimeoutMs} ms`)));
        upstream.on("error", (error: NodeJS.ErrnoException) => {
          if (error.code === "ECONNREFUSED" && tries < backends.length) return attempt(tries + 1);
          if (!response.headersSent) response.writeHead(502).end();
          else response.destroy();
        });
        upstream.end(body);
      };
      attempt(1);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => {
          server.closeAllConnections();
          server.close();
        },
      }),
    ),
  );
}

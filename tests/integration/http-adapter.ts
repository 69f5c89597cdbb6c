import http from "node:http";
import type { AddressInfo } from "node:net";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;

export interface AdapterRoute {
  method: string;
  /** A path such as `/api/v1/grants/:id/token`; `:name` segments become params. */
  path: string;
  handler: Handler;
}

function match(pattern: string, pathname: string): Record<string, string> | null {
  const expected = pattern.split("/");
  const actual = pathname.split("/");
  if (expected.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (const [index, segment] of expected.entries()) {
    if (segment.startsWith(":")) params[segment.slice(1)] = decodeURIComponent(actual[index]!);
    else if (segment !== actual[index]) return null;
  }
  return params;
}

/**
 * A real HTTP server on 127.0.0.1 in front of route handlers, for the few tests where another program
 * must reach Baton over the network: each request becomes a web Request, and the handler's Response is
 * streamed back as it is (server-sent events included).
 */
export async function serveRouteHandlers(routes: AdapterRoute[]): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(async (incoming, outgoing) => {
    const url = new URL(incoming.url ?? "/", `http://${incoming.headers.host}`);
    const found = routes
      .map((route) => ({ route, params: route.method === incoming.method ? match(route.path, url.pathname) : null }))
      .find((candidate) => candidate.params);
    if (!found) return outgoing.writeHead(404).end();
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(incoming.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    // The client going away aborts the request (long-polls stop waiting) and cancels a streamed answer.
    const controller = new AbortController();
    outgoing.on("close", () => controller.abort());
    const request = new Request(url, { method: incoming.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined, signal: controller.signal });
    const response = await found.route.handler(request, { params: Promise.resolve(found.params!) });
    outgoing.writeHead(response.status, Object.fromEntries(response.headers));
    outgoing.flushHeaders();
    const reader = response.body?.getReader();
    outgoing.on("close", () => void reader?.cancel().catch(() => undefined));
    try {
      for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader!.read()) outgoing.write(chunk.value);
    } catch {
      // cancelled because the client went away
    }
    outgoing.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      // Event streams never end by themselves.
      server.closeAllConnections();
    });
  return { url: `http://127.0.0.1:${port}`, close };
}

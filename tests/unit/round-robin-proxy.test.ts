import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { type RoundRobinProxy, startRoundRobinProxy } from "@/e2e/round-robin-proxy";

// The scale-out browser test's load balancer: whatever a backend does, the client gets an answer or a
// broken connection, never a response left open (what made "killing an app instance…" hang).
const servers: http.Server[] = [];
let proxy: RoundRobinProxy | undefined;

async function backend(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function refusingPort(): Promise<string> {
  const url = await backend(() => undefined);
  const server = servers.pop()!;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return url;
}

afterEach(() => {
  proxy?.close();
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

describe("round-robin proxy", () => {
  it("passes an answer through and skips a backend that refuses the connection", async () => {
    const up = await backend((_request, response) => response.writeHead(201, { "content-type": "application/json" }).end('{"id":"req_1"}'));
    proxy = await startRoundRobinProxy([await refusingPort(), up]);
    const answer = await fetch(`${proxy.url}/api/v1/access-requests`, { method: "POST", body: "{}" });
    expect(answer.status).toBe(201);
    expect(await answer.json()).toEqual({ id: "req_1" });
  });

  it("breaks the client's response when its backend dies after sending the headers", async () => {
    const dying = await backend((_request, response) => {
      response.writeHead(201, { "content-type": "application/json" });
      response.write('{"id":"req_');
      setTimeout(() => response.socket?.destroy(), 20);
    });
    proxy = await startRoundRobinProxy([dying]);
    const answer = await fetch(`${proxy.url}/api/v1/access-requests`, { method: "POST", body: "{}" });
    expect(answer.status).toBe(201);
    await expect(answer.text()).rejects.toThrow();
  });

  it("answers 502 when a backend accepts the request and stays silent", async () => {
    const silent = await backend(() => undefined);
    proxy = await startRoundRobinProxy([silent], { backendTimeoutMs: 100 });
    expect((await fetch(`${proxy.url}/api/health`)).status).toBe(502);
  });
});

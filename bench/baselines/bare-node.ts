import http from "node:http";
import type { AddressInfo } from "node:net";

const ANSWER = JSON.stringify({ allow: true, reason: "granted" });

/** The ceiling: Node's HTTP server reading the body and answering constant JSON, deciding nothing. */
export async function startBareNode(): Promise<string> {
  const server = http.createServer((request, response) => {
    request.resume();
    request.on("end", () => response.writeHead(200, { "Content-Type": "application/json" }).end(ANSWER));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

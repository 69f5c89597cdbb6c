import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { assertPublicWebhookUrl, nonPublicRange } from "@/lib/webhooks/outbound-address";
import { createOutboundFetch } from "@/lib/webhooks/outbound-fetch";

describe("which addresses webhooks may reach", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["10.1.2.3", "private"],
    ["192.168.0.10", "private"],
    ["169.254.169.254", "linkLocal"],
    ["100.64.0.1", "carrierGradeNat"],
    ["0.0.0.0", "unspecified"],
    ["::1", "loopback"],
    ["fe80::1", "linkLocal"],
    ["fd12:3456::1", "uniqueLocal"],
    ["::ffff:127.0.0.1", "loopback"],
  ])("%s is %s, not public", (address, range) => {
    expect(nonPublicRange(address)).toBe(range);
  });

  it.each(["8.8.8.8", "2606:4700::1111", "hooks.example.com"])("%s is not refused by its address", (host) => {
    expect(nonPublicRange(host)).toBeNull();
  });

  it.each([
    ["http://169.254.169.254/latest/meta-data/", "linkLocal"],
    ["http://localhost:8080/hook", "loopback"],
    ["http://api.localhost/hook", "loopback"],
    ["http://[::1]:9000/", "loopback"],
    ["https://10.0.0.7/hook", "private"],
    ["http://[::ffff:7f00:1]/", "loopback"],
  ])("registering %s is refused, naming the field", (url, range) => {
    let caught: unknown;
    try {
      assertPublicWebhookUrl(url, "url", false);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe("BAD_REQUEST");
    expect((caught as AppError).details.errors).toEqual([{ field: "url", message: expect.stringContaining(`not a ${range} one`) }]);
  });

  it("accepts public names, and internal ones once private networks are allowed", () => {
    expect(() => assertPublicWebhookUrl("https://hooks.example.com/baton", "url", false)).not.toThrow();
    expect(() => assertPublicWebhookUrl("http://127.0.0.1:9000/", "chatWebhookUrl", true)).not.toThrow();
  });
});

describe("the outbound fetch", () => {
  let server: http.Server;
  let port = 0;
  let received = 0;
  beforeAll(async () => {
    server = http.createServer((request, response) => {
      received++;
      request.resume().on("end", () => response.writeHead(204).end());
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const post = (fetchImpl: typeof fetch, host: string) => fetchImpl(`http://${host}:${port}/hook`, { method: "POST", body: "{}", headers: { "content-type": "application/json" } });

  it("refuses a loopback IP literal and a name resolving to loopback, without connecting", async () => {
    const guarded = createOutboundFetch({ allowPrivateNetworks: false });
    const before = received;
    await expect(post(guarded, "127.0.0.1")).rejects.toThrow(/Refused to send to 127\.0\.0\.1: a loopback address/);
    await expect(post(guarded, "localhost")).rejects.toThrow(/Refused to send to localhost \((127\.0\.0\.1|::1)\): a loopback address/);
    expect(received).toBe(before);
  });

  it("sends through its guarded connection when the address is public", async () => {
    // The receiver is on loopback, so this test declares loopback public to exercise the allowed path.
    const guarded = createOutboundFetch({ allowPrivateNetworks: false, rangeOf: () => null });
    const before = received;
    expect((await post(guarded, "localhost")).status).toBe(204);
    expect(received).toBe(before + 1);
  });

  it("reaches internal receivers when private networks are allowed", async () => {
    expect((await post(createOutboundFetch({ allowPrivateNetworks: true }), "127.0.0.1")).status).toBe(204);
  });
});

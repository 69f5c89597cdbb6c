import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/kernel/errors";
import { assertPublicWebhookUrl, nonPublicRange, outboundHost } from "@/lib/webhooks/outbound-address";
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

  /** Every spelling of a loopback, private or otherwise internal host a URL parser or resolver accepts. */
  const INTERNAL_SPELLINGS = [
    "http://127.1/",
    "http://0x7f.1/",
    "http://2130706433/",
    "http://0177.0.0.1/",
    "http://0x7f000001/",
    "http://017700000001/",
    "http://127.0.0.1./",
    "http://127.0.0.1../",
    "http://127.1.../",
    "http://10.1/",
    "http://192.168.1/",
    "http://0/",
    "http://0x0/",
    "http://LOCALHOST/",
    "http://localhost./",
    "http://localhost../",
    "http://Api.LocalHost./",
    "http://ｌｏｃａｌｈｏｓｔ/",
    "http://localhost。/",
    "http://127。0。0。1/",
    "http://１２７.０.０.１/",
    "http://[::ffff:127.0.0.1]/",
    "http://[0:0:0:0:0:ffff:127.0.0.1]/",
    "http://[::ffff:a9fe:a9fe]/",
    "http://[::127.0.0.1]/",
    "http://[::7f00:1]/",
    "http://[64:ff9b::127.0.0.1]/",
    "http://[2002:7f00:1::]/",
    "http://[::]/",
    "http://[0::1]/",
    "http://[fe80::1]/",
    "http://169.254.169.254./latest/meta-data/",
    "http://0xa9.0xfe.0xa9.0xfe/",
    "http://2852039166/",
    "https://user@127.1:8443/",
  ];

  it.each(INTERNAL_SPELLINGS)("%s is refused at save, in whatever spelling", (url) => {
    expect(() => assertPublicWebhookUrl(url, "url", false)).toThrow(AppError);
  });

  it.each(INTERNAL_SPELLINGS)("%s is refused before connecting, in whatever spelling", async (url) => {
    const refusingFetch = createOutboundFetch({ allowPrivateNetworks: false });
    await expect(refusingFetch(url)).rejects.toThrow(/Refused to send to/);
  });

  it.each([
    ["http://127.1/", "127.0.0.1"],
    ["http://Hooks.Example.COM./x", "hooks.example.com"],
    ["http://ｈｏｏｋｓ.example.com/", "hooks.example.com"],
    ["http://bücher.example/", "xn--bcher-kva.example"],
    ["http://[::FFFF:127.0.0.1]/", "::ffff:7f00:1"],
    ["http://127.1../", "127.0.0.1"],
  ])("%s is reached as %s", (url, host) => {
    expect(outboundHost(url)).toBe(host);
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

  const post = (fetchImpl: typeof fetch, host: string) =>
    fetchImpl(`http://${host}:${port}/hook`, { method: "POST", body: "{}", headers: { "content-type": "application/json" } });

  it("refuses a loopback IP literal and localhost before any lookup, and a name resolving to loopback when it connects", async () => {
    const guarded = createOutboundFetch({ allowPrivateNetworks: false });
    const before = received;
    await expect(post(guarded, "127.0.0.1")).rejects.toThrow(/Refused to send to 127\.0\.0\.1: a loopback address/);
    await expect(post(guarded, "localhost")).rejects.toThrow(/Refused to send to localhost: a loopback address/);
    // The name itself passes here, so only the addresses it resolves to can refuse it.
    const judgingAddressesOnly = createOutboundFetch({ allowPrivateNetworks: false, rangeOf: (host) => (host === "localhost" ? null : nonPublicRange(host)) });
    await expect(post(judgingAddressesOnly, "localhost")).rejects.toThrow(/Refused to send to localhost \((127\.0\.0\.1|::1)\): a loopback address/);
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

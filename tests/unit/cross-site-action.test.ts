import { describe, expect, it } from "vitest";
import { isCrossSiteServerAction } from "@/lib/http/cross-site-action";

const post = (headers: Record<string, string>, method = "POST") =>
  new Request("http://baton.example.com/requests", { method, headers, body: method === "POST" ? "[]" : undefined });
const ACTION = { "next-action": "7f3a", "content-type": "text/plain;charset=UTF-8", host: "baton.example.com" };

describe("isCrossSiteServerAction", () => {
  it.each([
    ["another site's Origin", { ...ACTION, origin: "https://evil.example" }],
    ["the same host on another port", { ...ACTION, origin: "https://baton.example.com:8443" }],
    ["an Origin that is not a URL", { ...ACTION, origin: "not a url" }],
    ["a null Origin (sandboxed frame)", { ...ACTION, origin: "null" }],
    ["an Origin matching Host but not the forwarded host", { ...ACTION, origin: "https://baton.example.com", "x-forwarded-host": "baton.internal" }],
    [
      "a form post without JavaScript from another site",
      { "content-type": "multipart/form-data; boundary=x", host: "baton.example.com", origin: "https://evil.example" },
    ],
    [
      "a urlencoded form post from another site",
      { "content-type": "application/x-www-form-urlencoded", host: "baton.example.com", origin: "https://evil.example" },
    ],
  ])("refuses %s", (_why, headers) => {
    expect(isCrossSiteServerAction(post(headers))).toBe(true);
  });

  it.each([
    ["its own page", { ...ACTION, origin: "https://baton.example.com" }],
    [
      "its own page behind a proxy (first forwarded host)",
      { ...ACTION, origin: "https://baton.example.com", host: "10.0.0.5:3000", "x-forwarded-host": "baton.example.com, proxy.internal" },
    ],
    ["no Origin (formAction refuses it itself)", ACTION],
    ["a JSON post that cannot be an action", { "content-type": "application/json", host: "baton.example.com", origin: "https://evil.example" }],
  ])("lets through %s", (_why, headers) => {
    expect(isCrossSiteServerAction(post(headers))).toBe(false);
  });

  it("looks only at POSTs", () => {
    expect(isCrossSiteServerAction(post({ ...ACTION, origin: "https://evil.example" }, "GET"))).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { parseBearerToken } from "@/lib/kernel/bearer-token";

describe("parseBearerToken", () => {
  it("takes the one token after a case-insensitive Bearer scheme", () => {
    expect(parseBearerToken("Bearer abc.def")).toBe("abc.def");
    expect(parseBearerToken("bearer   abc  ")).toBe("abc");
  });

  it("is null for no header, another scheme, no token or more than one", () => {
    for (const header of [null, undefined, "", "Bearer", "Bearer ", "Basic abc", "Bearer a b", "Bearerabc", " Bearer abc"])
      expect(parseBearerToken(header)).toBeNull();
  });
});

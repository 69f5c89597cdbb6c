import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/crypto/password";
import { digestsEqual, randomSecret, sha256Hex } from "@/lib/crypto/secrets";

describe("passwords", () => {
  it("verifies the right password and refuses others", async () => {
    const stored = await hashPassword("correct horse battery");
    expect(stored).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(stored).not.toContain("correct horse");
    expect(await verifyPassword("correct horse battery", stored)).toBe(true);
    expect(await verifyPassword("correct horse batterY", stored)).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("same password")).not.toBe(await hashPassword("same password"));
  });

  it("refuses a malformed stored hash", async () => {
    expect(await verifyPassword("x", "plaintext")).toBe(false);
  });
});

describe("secrets", () => {
  it("makes 256-bit URL-safe secrets", () => {
    const secret = randomSecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomSecret()).not.toBe(secret);
  });

  it("compares digests in constant time and only when both are well formed", () => {
    const digest = sha256Hex("token");
    expect(digestsEqual(digest, sha256Hex("token"))).toBe(true);
    expect(digestsEqual(digest, sha256Hex("other"))).toBe(false);
    expect(digestsEqual(digest, "")).toBe(false);
  });
});

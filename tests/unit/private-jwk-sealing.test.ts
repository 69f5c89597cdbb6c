import { generateKeyPairSync, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openPrivateJwk, SealedKeyError } from "@/lib/signing-keys/open-private-jwk";
import { sealPrivateJwk } from "@/lib/signing-keys/seal-private-jwk";

const jwk = generateKeyPairSync("ed25519").privateKey.export({ format: "jwk" });
const key = randomBytes(32);

function flipFirstCharacter(sealed: string, part: number): string {
  const parts = sealed.split(".");
  parts[part] = (parts[part]!.startsWith("A") ? "B" : "A") + parts[part]!.slice(1);
  return parts.join(".");
}

describe("sealing signing keys at rest", () => {
  it("round-trips, and never stores the private part in clear", () => {
    const sealed = sealPrivateJwk({ jwk, kid: "kid-1", key });
    expect(sealed).toMatch(/^v1\.[\w-]{16}\.[\w-]+\.[\w-]{22}$/);
    expect(sealed).not.toContain(jwk.d);
    expect(openPrivateJwk({ sealed, kid: "kid-1", key })).toEqual(jwk);
  });

  it("uses a fresh nonce every time", () => {
    expect(sealPrivateJwk({ jwk, kid: "kid-1", key })).not.toBe(sealPrivateJwk({ jwk, kid: "kid-1", key }));
  });

  it.each([
    ["another secret", (sealed: string) => ({ sealed, kid: "kid-1", key: randomBytes(32) })],
    ["another key id (a sealed key copied to another row)", (sealed: string) => ({ sealed, kid: "kid-2", key })],
    ["a changed ciphertext", (sealed: string) => ({ sealed: flipFirstCharacter(sealed, 2), kid: "kid-1", key })],
    ["a changed nonce", (sealed: string) => ({ sealed: flipFirstCharacter(sealed, 1), kid: "kid-1", key })],
    ["an unknown format", () => ({ sealed: "v0.abc", kid: "kid-1", key })],
  ])("refuses to open with %s", (_case, tamper) => {
    expect(() => openPrivateJwk(tamper(sealPrivateJwk({ jwk, kid: "kid-1", key })))).toThrow(SealedKeyError);
  });
});

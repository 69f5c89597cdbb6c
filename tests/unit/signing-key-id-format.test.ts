import { generateKeyPairSync } from "node:crypto";
import fc from "fast-check";
import { calculateJwkThumbprint, type JWK } from "jose";
import { describe, expect, it } from "vitest";
import { isSigningKeyId } from "@/lib/kernel/signing-key-id-format";

/** A kid exactly as insertSigningKey makes one. */
const newKid = () => calculateJwkThumbprint(generateKeyPairSync("ed25519").publicKey.export({ format: "jwk" }) as JWK, "sha256");

describe("isSigningKeyId", () => {
  it("accepts every kid Baton generates", async () => {
    for (let i = 0; i < 50; i++) expect(isSigningKeyId(await newKid())).toBe(true);
  });

  it("refuses a kid with any character outside base64url inserted or swapped in", async () => {
    const kid = await newKid();
    const outsider = fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }).filter((character) => !/^[A-Za-z0-9_-]$/.test(character));
    fc.assert(
      fc.property(fc.nat(42), outsider, fc.boolean(), (at, character, swap) => {
        expect(isSigningKeyId(kid.slice(0, at) + character + kid.slice(swap ? at + 1 : at))).toBe(false);
      }),
    );
    for (const character of ["\u0000", "\n", "\u001b", "=", "+", "/", ".", " ", "\u202e", "\ud800"])
      expect(isSigningKeyId(kid.slice(0, 42) + character)).toBe(false);
  });

  it("refuses any other length, however close", async () => {
    const kid = await newKid();
    for (const candidate of ["", kid.slice(1), `${kid}A`, kid.repeat(2), "A".repeat(100_000)]) expect(isSigningKeyId(candidate)).toBe(false);
  });

  it("refuses anything but a string", () => {
    for (const value of [undefined, null, 43, true, ["A".repeat(43)], { kid: "A".repeat(43) }, new String("A".repeat(43))])
      expect(isSigningKeyId(value)).toBe(false);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { callbackPathSchema } from "@/lib/auth/schemas";
import { safeRedirectTarget } from "@/lib/http/safe-redirect-target";

const BASE = "https://baton.example.com";

/** Whether a browser at BASE, redirected with `Location: target`, stays on BASE. */
const staysOnBase = (target: string) => URL.canParse(target, BASE) && new URL(target, BASE).origin === BASE;

/** Pieces an attacker strings together to leave the origin or confuse a parser. */
const HOSTILE_PIECES = [
  "/",
  "//",
  "\\",
  "/\\",
  "\\\\",
  "%2f",
  "%2F",
  "%5c",
  "%5C",
  "%252f",
  "%00",
  "%0a",
  "%0d%0a",
  "\t",
  "\n",
  "\r",
  " ",
  "\u00a0",
  "\u2028",
  "\u3000",
  "\ufeff",
  "\u200b",
  "\u202e",
  "\u0000",
  "\u007f",
  "\u0085",
  "。",
  "．",
  "｡",
  ".",
  "..",
  "@",
  ":",
  "user:pass@",
  "evil.example",
  "evil。example",
  "baton.example.com",
  "baton.example.com.evil.example",
  "https:",
  "http:",
  "javascript:",
  "data:",
  "vbscript:",
  "file:",
  "//evil.example",
  "https://evil.example",
  "https://baton.example.com@evil.example",
  "?",
  "#",
  "&",
  "=",
  "requests",
  "req_1",
  "xn--",
  "ｅｖｉｌ",
  "\ud800",
];

const hostileTarget = fc.oneof(
  fc.array(fc.constantFrom(...HOSTILE_PIECES), { maxLength: 8 }).map((pieces) => pieces.join("")),
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.webPath(),
);

describe("safeRedirectTarget", () => {
  it.each([
    ["/requests/req_1", "/requests/req_1"],
    ["/requests/req_1?decide=approve&comment=a%2Fb%0Ac#dialog", "/requests/req_1?decide=approve&comment=a%2Fb%0Ac#dialog"],
    ["https://baton.example.com/grants?x=1", "/grants?x=1"],
    ["/a/../grants", "/grants"],
    [undefined, "/"],
    [["/a", "/b"], "/"],
    [42, "/"],
    ["", "/"],
    ["https://evil.example", "/"],
    ["//evil.example", "/"],
    ["///evil.example", "/"],
    ["/\\evil.example", "/"],
    ["\\\\evil.example", "/"],
    ["/.//evil.example", "/"],
    ["/%2f%2fevil.example", "/"],
    ["/%5cevil.example", "/"],
    ["/%2F", "/"],
    ["/\t/evil.example", "/"],
    ["\n//evil.example", "/"],
    [" /requests", "/"],
    ["/requests ", "/"],
    ["/req\u0000uests", "/"],
    ["/requests\u2028", "/"],
    ["//evil。example", "/"],
    ["https://baton.example.com@evil.example/", "/"],
    ["https://user:pass@baton.example.com/", "/"],
    ["http://baton.example.com/", "/"],
    ["https://baton.example.com:444/", "/"],
    ["javascript:alert(1)", "/"],
    ["JaVaScRiPt:alert(1)", "/"],
    ["data:text/html,<script>alert(1)</script>", "/"],
    ["/" + "a".repeat(5000), "/"],
  ])("%j → %s", (input, expected) => {
    expect(safeRedirectTarget(input, BASE)).toBe(expected);
  });

  it("never throws, always answers a single-slash path, and never leaves the origin", () => {
    fc.assert(
      fc.property(hostileTarget, (target) => {
        const safe = safeRedirectTarget(target, BASE);
        expect(safe.startsWith("/") && !safe.startsWith("//")).toBe(true);
        expect(staysOnBase(safe)).toBe(true);
        // The answer is itself a target it would keep: what comes out is stable.
        expect(safeRedirectTarget(safe, BASE)).toBe(safe);
      }),
      { numRuns: 5_000 },
    );
  });

  it("keeps every ordinary path with its query and fragment", () => {
    const segment = fc.stringMatching(/^[a-z0-9_-]{1,12}$/);
    const ordinary = fc
      .tuple(
        fc.array(segment, { minLength: 1, maxLength: 5 }),
        fc.dictionary(segment, fc.string({ maxLength: 20 }), { maxKeys: 3 }),
        fc.option(segment, { nil: undefined }),
      )
      .map(([segments, query, fragment]) => {
        const search = new URLSearchParams(query).toString();
        return `/${segments.join("/")}${search ? `?${search}` : ""}${fragment ? `#${fragment}` : ""}`;
      });
    fc.assert(
      fc.property(ordinary, (target) => {
        expect(safeRedirectTarget(target, BASE)).toBe(target);
      }),
    );
  });

  it.skipIf(process.env.BATON_PUBLIC_URL)("accepts only relative targets when no public URL is configured", () => {
    expect(safeRedirectTarget("/grants")).toBe("/grants");
    expect(safeRedirectTarget("http://localhost:3000/grants")).toBe("/");
  });

  it("is what the sign-in callback schema applies, to a value of any type", () => {
    expect(callbackPathSchema.parse("/requests/req_1")).toBe("/requests/req_1");
    expect(callbackPathSchema.parse(["/a", "//evil.example"])).toBe("/");
    expect(callbackPathSchema.parse("//evil.example")).toBe("/");
  });
});

import fc from "fast-check";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { MAIN_URL } from "./fixtures";

/** Pieces an attacker strings together to leave the origin or confuse a parser (test plan H2). */
const HOSTILE_PIECES = [
  "/",
  "//",
  "\\",
  "/\\",
  "%2f",
  "%5C",
  "%252f",
  "%00",
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
  "localhost",
  "https:",
  "javascript:",
  "data:",
  "//evil.example",
  "https://evil.example",
  `${MAIN_URL}@evil.example`,
  MAIN_URL,
  "?",
  "#",
  "&",
  "=",
  "requests",
  "💥",
];

const hostileTarget = fc
  .oneof(
    fc.array(fc.constantFrom(...HOSTILE_PIECES), { minLength: 1, maxLength: 7 }).map((pieces) => pieces.join("")),
    fc.string({ unit: "grapheme", maxLength: 40 }),
    fc.webUrl({ withQueryParameters: true, withFragments: true }),
  )
  // A lone surrogate cannot be put in a URL at all.
  .filter((target) => !/[\ud800-\udfff]/.test(target.replace(/[\ud800-\udbff][\udc00-\udfff]/g, "")));

/** The sign-in page with `callbackUrl` set to the target (as a single value, or repeated). */
const signInWith = (request: APIRequestContext, target: string, repeated: boolean) =>
  request.get(
    `/sign-in?${new URLSearchParams(
      repeated
        ? [
            ["callbackUrl", target],
            ["callbackUrl", "//evil.example"],
          ]
        : [["callbackUrl", target]],
    )}`,
    { maxRedirects: 0 },
  );

const staysHome = (location: string) => new URL(location, MAIN_URL).origin === MAIN_URL;

test.describe("redirect targets", () => {
  test.describe("signed out", () => {
    test.use({ storageState: { cookies: [], origins: [] } });

    test("the sign-in page never fails on a callbackUrl, and its form only carries a path on this site", async ({ request }) => {
      for (const [target, repeated] of fc.sample(fc.tuple(hostileTarget, fc.boolean()), { numRuns: 80, seed: 12 })) {
        const response = await signInWith(request, target, repeated);
        expect(response.status(), target).toBe(200);
        const carried = /name="callbackUrl" value="([^"]*)"/.exec(await response.text())?.[1]?.replaceAll("&amp;", "&");
        expect(carried, target).toMatch(/^\/(?![/\\])/);
        expect(staysHome(carried!), `${target} → ${carried}`).toBe(true);
      }
    });
  });

  test("a signed-in visitor is sent on only to a path on this site", async ({ request }) => {
    for (const [target, repeated] of fc.sample(fc.tuple(hostileTarget, fc.boolean()), { numRuns: 80, seed: 21 })) {
      const response = await signInWith(request, target, repeated);
      expect(response.status(), target).toBeLessThan(400);
      const location = response.headers().location;
      expect(location, target).toBeTruthy();
      expect(staysHome(location!), `${target} → ${location}`).toBe(true);
    }
    const kept = await signInWith(request, "/requests?status=PENDING#waiting", false);
    expect(kept.headers().location).toMatch(/\/requests\?status=PENDING#waiting$/);
  });
});

import { expect, test, type Page } from "@playwright/test";
import { MAIN_URL } from "./fixtures";

/** Everything the browser reports about the policy: console errors naming it, and violation events. */
function watchForViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  page.on("pageerror", (error) => violations.push(`page error: ${error.message}`));
  return violations;
}

async function exposeViolationEvents(page: Page) {
  // Init scripts are injected by the browser's debugging protocol, which the policy does not govern.
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) =>
      console.error(
        `Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
      ),
    );
  });
}

/** React has hydrated the page (it tags the DOM nodes it owns): the framework's scripts, inline ones included, ran. */
async function expectHydrated(page: Page) {
  await expect.poll(() => page.evaluate(() => Object.keys(document.body).some((key) => key.startsWith("__react")))).toBe(true);
}

function scriptNonce(policy: string | undefined): string {
  const nonce = /script-src [^;]*'nonce-([A-Za-z0-9+/=]+)'/.exec(policy ?? "")?.[1];
  expect(nonce, `no script nonce in ${policy}`).toBeTruthy();
  return nonce!;
}

test.describe("content security policy", () => {
  test.describe("signed out", () => {
    test.use({ storageState: { cookies: [], origins: [] } });

    test("the sign-in, set-up and API reference pages run their scripts under a nonce policy, with no violation", async ({ page }) => {
      await exposeViolationEvents(page);
      const violations = watchForViolations(page);

      const signIn = await page.goto("/sign-in");
      const policy = signIn?.headers()["content-security-policy"];
      expect(policy).toContain("default-src 'self'");
      expect(policy).toContain("'strict-dynamic'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      // Next.js put this response's nonce on the scripts it rendered.
      const nonce = scriptNonce(policy);
      expect(
        await page
          .locator("script[src]")
          .first()
          .evaluate((script) => (script as HTMLScriptElement).nonce),
      ).toBe(nonce);
      await expectHydrated(page);

      const setup = await page.goto("/setup/not-a-set-up-link");
      scriptNonce(setup?.headers()["content-security-policy"]);
      await expect(page.getByText("This set-up link is invalid")).toBeVisible();
      await expectHydrated(page);

      const docs = await page.goto("/docs/api");
      scriptNonce(docs?.headers()["content-security-policy"]);
      // Swagger UI renders the operations only once its bundle has run.
      await expect(page.getByText("/api/v1/access-requests").first()).toBeVisible({ timeout: 15_000 });

      expect(violations).toEqual([]);
    });

    test("every response carries a nonce of its own", async ({ request }) => {
      const nonces = await Promise.all([1, 2, 3].map(async () => scriptNonce((await request.get(`${MAIN_URL}/sign-in`)).headers()["content-security-policy"])));
      expect(new Set(nonces).size).toBe(nonces.length);
    });

    test("a script injected into the page's HTML does not run", async ({ page }) => {
      await exposeViolationEvents(page);
      const violations = watchForViolations(page);
      // What a stored cross-site scripting flaw would serve: the page as rendered, one inline script more.
      await page.route("**/sign-in", async (route) => {
        const response = await route.fetch();
        const html = (await response.text()).replace("</head>", "<script>window.__injected = true</script></head>");
        await route.fulfill({ response, body: html });
      });
      await page.goto("/sign-in");
      await expectHydrated(page);
      expect(await page.evaluate(() => (window as { __injected?: boolean }).__injected)).toBeUndefined();
      expect(violations.join("\n")).toContain("script-src");
    });

    test("a server action posted from another site is refused with a 403 problem, not run", async ({ request }) => {
      const response = await request.post(`${MAIN_URL}/sign-in`, {
        headers: { origin: "https://evil.example", "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" },
        data: "[]",
      });
      expect(response.status()).toBe(403);
      expect(response.headers()["content-type"]).toContain("application/problem+json");
      expect((await response.json()).status).toBe(403);

      const multipart = await request.post(`${MAIN_URL}/sign-in`, { headers: { origin: "null" }, multipart: { email: "a@example.com", password: "x" } });
      expect(multipart.status()).toBe(403);
    });
  });

  test("the signed-in overview hydrates and navigates under the policy, with no violation", async ({ page }) => {
    await exposeViolationEvents(page);
    const violations = watchForViolations(page);
    const overview = await page.goto("/");
    scriptNonce(overview?.headers()["content-security-policy"]);
    await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
    await expectHydrated(page);
    // A client-side navigation fetches and runs the next page's chunks under the same policy.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Grants" }).click();
    await expect(page).toHaveURL(/\/grants$/);
    expect(violations).toEqual([]);
  });
});

import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { ADMIN_TOKEN, MAIN_URL, signOut } from "./fixtures";

// Single sign-on through the real OpenID Connect provider that playwright.config.ts starts on loopback
// (e2e/oidc-provider.mjs, which holds the accounts and their claims).

const OIDC_URL = `http://localhost:${process.env.E2E_OIDC_PORT ?? 3299}`;

test.use({ storageState: { cookies: [], origins: [] } });

/** Clicks "Sign in with SSO"; when the provider shows its login page, signs in there as `login`. */
async function signInWithSso(page: Page, login: string | null) {
  await page.getByRole("link", { name: "Sign in with SSO" }).click();
  if (login === null) return;
  await expect(page).toHaveURL(new RegExp(`^${OIDC_URL}/interaction/`));
  await page.getByPlaceholder("Enter any login").fill(login);
  await page.getByPlaceholder("and password").fill("any password works here");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

async function ensureGroup(request: APIRequestContext, name: string) {
  const response = await request.post("/api/v1/admin/groups", { headers: { authorization: `Bearer ${ADMIN_TOKEN}` }, data: { name } });
  expect([201, 409]).toContain(response.status());
}

/** The admin's view of /users, in a browser context of its own. */
async function usersPageAsAdmin(browser: Browser) {
  const context = await browser.newContext({ storageState: "playwright/.auth/admin.json", baseURL: MAIN_URL });
  const page = await context.newPage();
  await page.goto("/users");
  return page;
}

test("signing in through SSO creates the person with the role and groups the claims assert; signing in again keeps one person", async ({
  page,
  request,
  browser,
}) => {
  await ensureGroup(request, "sso-approvers");
  await page.goto("/sign-in");
  await signInWithSso(page, "alice");
  await expect(page).toHaveURL(`${MAIN_URL}/`);
  const user = page.getByRole("group", { name: "Signed-in user" });
  await expect(user).toContainText("Alice Sso");
  await expect(user.getByLabel("Role: approver")).toBeVisible();

  await user.getByRole("button").click();
  await page.getByRole("menuitem", { name: "Profile" }).click();
  await expect(page.getByRole("heading", { name: "Alice Sso" })).toBeVisible();
  await expect(page.getByText("sso-approvers")).toBeVisible();
  await expect(page.getByText("not-a-baton-group")).toHaveCount(0);

  // The provider still has its session: the second round trip comes straight back without a login page.
  await signOut(page);
  await signInWithSso(page, null);
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByRole("group", { name: "Signed-in user" })).toContainText("alice@sso.e2e.baton.dev");

  const admin = await usersPageAsAdmin(browser);
  const rows = admin.getByRole("row", { name: /alice@sso\.e2e\.baton\.dev/ });
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText("approver");
  await expect(rows).toContainText("sso-approvers");
  await expect(rows).toContainText("SSO");
  await admin.context().close();
});

test("an existing local account with the same email in another case is linked, not duplicated", async ({ page, request, browser }) => {
  const created = await request.post("/api/v1/admin/users", {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    data: { email: "linda.local@e2e.baton.dev", name: "Linda Local", role: "VIEWER", password: "linda-local-password" },
  });
  expect(created.status()).toBe(201);

  await page.goto("/sign-in");
  await signInWithSso(page, "linda");
  const user = page.getByRole("group", { name: "Signed-in user" });
  await expect(user).toContainText("Linda Local");
  await expect(user.getByLabel("Role: commander")).toBeVisible();

  const admin = await usersPageAsAdmin(browser);
  const rows = admin.getByRole("row", { name: /linda\.local@e2e\.baton\.dev/i });
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText("password");
  await expect(rows).toContainText("SSO");
  await expect(rows).toContainText("commander");
  await admin.context().close();
});

test("an email the provider has not verified cannot take over an existing account", async ({ page }) => {
  await page.goto("/sign-in");
  await signInWithSso(page, "mallory");
  await expect(page).toHaveURL(/\/sign-in\?error=AccessDenied/);
  await expect(page.getByRole("alert").filter({ hasText: "Baton did not let this single sign-on account in" })).toBeVisible();
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("step-up for an SSO user goes through the provider's login again, then on to where it was going", async ({ page }) => {
  await page.goto("/sign-in");
  await signInWithSso(page, "rhea");
  await expect(page.getByRole("group", { name: "Signed-in user" })).toContainText("Rhea Sso");

  await page.goto("/sign-in?reauth=1&callbackUrl=%2Fprofile");
  await expect(page.getByRole("status").filter({ hasText: "Sign in again to continue — approving a critical scope needs a recent sign-in" })).toBeVisible();
  // The provider has a session, yet it must ask again: Baton passed prompt=login and max_age=0.
  await signInWithSso(page, "rhea");
  await expect(page).toHaveURL(`${MAIN_URL}/profile`);
  await expect(page.getByRole("heading", { name: "Rhea Sso" })).toBeVisible();
});

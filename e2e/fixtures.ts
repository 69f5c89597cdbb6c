import fs from "node:fs";
import { expect, type APIRequestContext, type Page } from "@playwright/test";

export const ADMIN = { email: "admin@e2e.baton.dev", password: "e2e-admin-password", name: "Erin Admin" };
export const ADMIN_TOKEN = "e2e-admin-token-0123456789abcdefghijklmnop";
export const MAIN_URL = `http://localhost:${process.env.E2E_MAIN_PORT ?? 3210}`;
export const FRESH_URL = `http://localhost:${process.env.E2E_FRESH_PORT ?? 3211}`;
export const FRESH_LOG = process.env.E2E_FRESH_LOG ?? "test-results/fresh-server.log";
export const EXPECTED_DATABASE = process.env.E2E_MAIN_DATABASE_URL ? "postgresql" : "pglite";

/** A suffix for names no earlier test has used: the database lives for the whole suite. */
export const freshSuffix = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;

/** A POST to the admin API with the admin's token; fails the test on any other status than `status`, showing the body. */
export async function adminPost<T>(request: APIRequestContext, path: string, data: object, status = 201): Promise<T> {
  const response = await request.post(`${MAIN_URL}${path}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` }, data });
  expect(response.status(), await response.text()).toBe(status);
  return (await response.json()) as T;
}

/** The set-up link the fresh server printed at start-up, as an operator would copy it from the terminal. */
export async function readSetupLink(): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const match = fs.existsSync(FRESH_LOG) ? fs.readFileSync(FRESH_LOG, "utf8").match(/https?:\/\/\S+\/setup\/[A-Za-z0-9_-]+/) : null;
    if (match) return match[0];
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no set-up link in ${FRESH_LOG}`);
}

export async function signIn(page: Page, credentials: { email: string; password: string }, baseUrl = "") {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel("Email").fill(credentials.email);
  await page.getByLabel("Password").fill(credentials.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
}

/** Signs out through the user menu in the header. */
export async function signOut(page: Page) {
  await page.getByRole("group", { name: "Signed-in user" }).getByRole("button").click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

/** Opens a settings page (scopes, groups, webhooks…) through the header's Settings menu, as on a desktop screen. */
export async function openSettingsPage(page: Page, label: string) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Settings" }).click();
  await page.getByRole("menuitem", { name: label }).click();
}

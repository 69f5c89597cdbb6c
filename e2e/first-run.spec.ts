import { expect, test } from "@playwright/test";
import { EXPECTED_DATABASE, FRESH_URL, readSetupLink, signIn, signOut } from "./fixtures";

test.use({ storageState: { cookies: [], origins: [] } });

test("the printed set-up link creates the first admin, once, who can then sign in and out", async ({ page, request }) => {
  const health = await request.get(`${FRESH_URL}/api/health`);
  expect(await health.json()).toMatchObject({ status: "ok", database: EXPECTED_DATABASE, migrations: "up-to-date" });
  // Background jobs start with the server (instrumentation.ts), without holding up its first answers.
  await expect.poll(async () => (await (await request.get(`${FRESH_URL}/api/health`)).json()).jobs.state, { timeout: 15_000 }).toBe("running");

  // With no user, every page sends the visitor to sign-in: there is no default password.
  await page.goto(`${FRESH_URL}/`);
  await expect(page).toHaveURL(/\/sign-in/);

  const link = await readSetupLink();
  expect(link.startsWith(FRESH_URL)).toBe(true);
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Create the first admin" })).toBeVisible();

  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page.getByText("Enter your name")).toBeVisible();

  await page.getByLabel("Name").fill("Grace Hopper");
  await page.getByLabel("Email").fill("Grace@Example.com");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page.getByText("Use at least 12 characters")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue("Grace Hopper");
  // React resets the form once the refused submission's state has rendered, clearing the password (never
  // echoed back): typing before that reset would be wiped.
  await expect(page.getByLabel("Password")).toHaveValue("");

  await page.getByLabel("Password").fill("grace-admin-password");
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page.getByRole("status")).toContainText("Your admin account is ready");

  // The link is spent.
  await page.goto(link);
  await expect(page.getByRole("alert").filter({ hasText: "invalid, already used or expired" })).toBeVisible();

  await signIn(page, { email: "grace@example.com", password: "grace-admin-password" }, FRESH_URL);
  const user = page.getByRole("group", { name: "Signed-in user" });
  await expect(user).toContainText("Grace Hopper");
  await expect(user.getByLabel("Role: admin")).toBeVisible();
  await expect(page.getByRole("list", { name: "Delegation state" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "setup.completed" })).toBeVisible();

  await signOut(page);
  await page.goto(`${FRESH_URL}/`);
  await expect(page).toHaveURL(/\/sign-in/);
});

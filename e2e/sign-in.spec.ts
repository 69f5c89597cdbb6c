import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { ADMIN, signIn } from "./fixtures";

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("a wrong password is refused with a message, and the page is accessible", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(ADMIN.email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "The email or password is not correct." })).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveValue(ADMIN.email);
    await expect(page).toHaveURL(/\/sign-in/);
    const scan = await new AxeBuilder({ page }).analyze();
    expect(scan.violations).toEqual([]);
  });

  test("a deep link survives sign-in, and only same-site paths are followed", async ({ page }) => {
    await page.goto("/?from=deep-link");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2F%3Ffrom%3Ddeep-link/);
    await page.getByLabel("Email").fill(ADMIN.email);
    await page.getByLabel("Password").fill(ADMIN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/\?from=deep-link$/);

    await page.context().clearCookies();
    await page.goto("/sign-in?callbackUrl=https://evil.example/");
    await signIn(page, ADMIN);
    await expect(page).toHaveURL(/localhost:\d+\/$/);
  });
});

test("the signed-in shell shows the user and role, and pages cannot be framed", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(response?.headers()["x-frame-options"]).toBe("DENY");
  const user = page.getByRole("group", { name: "Signed-in user" });
  await expect(user).toContainText(ADMIN.name);
  await expect(user.getByLabel("Role: admin")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
  const scan = await new AxeBuilder({ page }).analyze();
  expect(scan.violations).toEqual([]);
});

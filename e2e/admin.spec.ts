import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN, freshSuffix, signIn } from "./fixtures";

const KEY_PATTERN = /^baton_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/;
/** Registered for the admin by playwright.config.ts (BATON_ADMIN_TOKEN). */
const ADMIN_TOKEN = "e2e-admin-token-0123456789abcdefghijklmnop";

/** Names no earlier run (the database lives for the whole suite) has used. */
function uniqueNames() {
  const suffix = freshSuffix();
  return { group: `e2e-approvers-${suffix}`, scope: `e2e.${suffix}:read`, agent: `e2e-agent-${suffix}` };
}

async function createGroup(page: Page, name: string) {
  await page.goto("/groups");
  await page.getByRole("button", { name: "New group" }).click();
  const dialog = page.getByRole("dialog", { name: "New approver group" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Description").fill("Approvers for the browser tests");
  await dialog.getByLabel("Member emails").fill(`${ADMIN.email}\n`);
  await dialog.getByRole("button", { name: "Create group" }).click();
  await expect(dialog).toBeHidden();
}

async function createScope(page: Page, key: string, approverGroup?: string) {
  await page.goto("/scopes");
  await page.getByRole("button", { name: "New scope" }).click();
  const dialog = page.getByRole("dialog", { name: "New scope" });
  await dialog.getByLabel("Key").fill(key);
  await dialog.getByLabel("Description").fill("Read the browser-test fixtures");
  await dialog.getByLabel("Risk").selectOption({ label: "medium" });
  await dialog.getByLabel("Max duration").fill("1 h");
  if (approverGroup) await dialog.getByLabel("Approver group").selectOption(approverGroup);
  await dialog.getByRole("button", { name: "Create scope" }).click();
  await expect(dialog).toBeHidden();
}

/** Registers the agent and leaves the page on its detail page. */
async function registerAgent(page: Page, name: string, scopeKey: string) {
  await page.goto("/agents");
  await page.getByRole("button", { name: "Register agent" }).click();
  const dialog = page.getByRole("dialog", { name: "Register agent" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Description").fill("Made by the browser tests");
  await expect(dialog.getByLabel("Owner email")).toHaveValue(ADMIN.email);
  await dialog.getByRole("checkbox", { name: scopeKey }).check();
  await dialog.getByRole("button", { name: "Register agent" }).click();
  await expect(page).toHaveURL(/\/agents\/agt_[0-9a-z]{26}$/);
  await expect(page.getByRole("heading", { name })).toBeVisible();
}

/** Submits the open key dialog ("Issue key" or "Rotate key", named like its button) and returns the key it shows once. */
async function submitKeyDialog(page: Page, name: "Issue key" | "Rotate key") {
  const dialog = page.getByRole("dialog", { name });
  await dialog.getByRole("button", { name }).click();
  await expect(dialog.getByText("Store this key now; it is not shown again.")).toBeVisible();
  await expect(dialog.getByLabel("New agent key")).toBeFocused();
  const key = await dialog.getByLabel("New agent key").inputValue();
  expect(key).toMatch(KEY_PATTERN);
  return { dialog, key, prefix: key.split("_")[1]! };
}

async function expectNoAxeViolations(page: Page, include?: string) {
  const builder = new AxeBuilder({ page });
  const scan = await (include ? builder.include(include) : builder).analyze();
  expect(scan.violations).toEqual([]);
}

test("an admin creates a group, a scope routed to it, and an agent eligible for that scope", async ({ page }) => {
  const names = uniqueNames();
  await createGroup(page, names.group);
  await expect(page.getByRole("row", { name: names.group })).toContainText(ADMIN.name);

  await createScope(page, names.scope, names.group);
  const scopeRow = page.getByRole("row", { name: names.scope });
  await expect(scopeRow).toContainText("medium");
  await expect(scopeRow).toContainText("1 h");
  await expect(scopeRow).toContainText(names.group);

  await registerAgent(page, names.agent, names.scope);
  await expect(page.getByRole("definition").filter({ hasText: names.scope })).toContainText("medium");
  await expect(page.getByText("No keys yet.")).toBeVisible();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Agents" }).click();
  const agentRow = page.getByRole("row", { name: names.agent });
  await expect(agentRow).toContainText(ADMIN.name);
  await expect(agentRow).toContainText("active");
  await expect(agentRow.getByRole("cell").nth(3)).toHaveText("1");
  await expect(agentRow.getByRole("cell").nth(4)).toHaveText("0");
});

test("a refused form keeps what was typed and says why", async ({ page }) => {
  await page.goto("/groups");
  await page.getByRole("button", { name: "New group" }).click();
  const dialog = page.getByRole("dialog", { name: "New approver group" });
  await dialog.getByLabel("Name").fill("Not Valid");
  await dialog.getByLabel("Member emails").fill("someone, nobody@e2e.baton.dev");
  await dialog.getByRole("button", { name: "Create group" }).click();
  await expect(dialog.getByText("must be 2–63 characters")).toBeVisible();
  await expect(dialog.getByText("someone is not an email address")).toBeVisible();
  await expect(dialog.getByLabel("Name")).toHaveValue("Not Valid");

  await dialog.getByLabel("Name").fill(uniqueNames().group);
  await dialog.getByLabel("Member emails").fill("nobody@e2e.baton.dev");
  await dialog.getByRole("button", { name: "Create group" }).click();
  await expect(dialog.getByRole("alert")).toContainText("no active Baton user has the email nobody@e2e.baton.dev");
});

test("a new or rotated key is shown once, and a key can be revoked", async ({ page, context }) => {
  const names = uniqueNames();
  await createScope(page, names.scope);
  await registerAgent(page, names.agent, names.scope);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);

  await page.getByRole("button", { name: "Issue key" }).click();
  const issued = await submitKeyDialog(page, "Issue key");
  await issued.dialog.getByRole("button", { name: "Copy" }).click();
  await expect(issued.dialog.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(issued.key);
  await issued.dialog.getByRole("button", { name: "Done" }).click();

  const keys = page.getByRole("table", { name: "Keys" });
  await expect(keys.getByRole("row", { name: `baton_${issued.prefix}_…` })).toBeVisible();
  await page.reload();
  await expect(keys.getByRole("row", { name: `baton_${issued.prefix}_…` })).toBeVisible();
  expect(await page.content()).not.toContain(issued.key);

  await page.getByRole("button", { name: `Rotate key baton_${issued.prefix}_…` }).click();
  await page.getByRole("dialog", { name: "Rotate key" }).getByLabel("Overlap").selectOption({ label: "24 h" });
  const rotated = await submitKeyDialog(page, "Rotate key");
  expect(rotated.key).not.toBe(issued.key);
  await rotated.dialog.getByRole("button", { name: "Done" }).click();
  await expect(keys.getByRole("row", { name: `baton_${issued.prefix}_…` })).toContainText("in 24 hours");
  await expect(keys.getByRole("row", { name: `baton_${rotated.prefix}_…` })).toBeVisible();

  await page.getByRole("button", { name: `Revoke key baton_${issued.prefix}_…` }).click();
  const confirm = page.getByRole("alertdialog", { name: `Revoke baton_${issued.prefix}_…?` });
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await confirm.getByRole("button", { name: "Revoke key" }).click();
  await expect(confirm).toBeHidden();
  const revokedRow = keys.getByRole("row", { name: `baton_${issued.prefix}_…` });
  await expect(revokedRow.getByRole("button")).toHaveCount(0);
  await expect(revokedRow.getByRole("cell").nth(4)).not.toHaveText("—");
  await expect(keys.getByRole("button", { name: `Revoke key baton_${rotated.prefix}_…` })).toBeVisible();

  await page.reload();
  expect(await page.content()).not.toContain(rotated.key);
});

test("a scope's max duration can be edited", async ({ page }) => {
  const names = uniqueNames();
  await createScope(page, names.scope);
  await page.getByRole("button", { name: `Edit ${names.scope}` }).click();
  const dialog = page.getByRole("dialog", { name: `Edit ${names.scope}` });
  await expect(dialog.getByLabel("Max duration")).toHaveValue("1 h");

  await dialog.getByLabel("Max duration").fill("8 d");
  await dialog.getByRole("button", { name: "Save scope" }).click();
  await expect(dialog.getByText("must be between 1 min and 7 d")).toBeVisible();

  await dialog.getByLabel("Max duration").fill("2h 30m");
  await dialog.getByRole("button", { name: "Save scope" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("row", { name: names.scope })).toContainText("2 h 30 min");
});

test("disabling an agent is confirmed first, takes a reason and revokes its keys", async ({ page }) => {
  const names = uniqueNames();
  await createScope(page, names.scope);
  await registerAgent(page, names.agent, names.scope);
  await page.getByRole("button", { name: "Issue key" }).click();
  const { dialog } = await submitKeyDialog(page, "Issue key");
  await dialog.getByRole("button", { name: "Done" }).click();

  await page.getByRole("button", { name: "Disable agent" }).click();
  const confirm = page.getByRole("alertdialog", { name: `Disable ${names.agent}?` });
  await expect(confirm).toContainText("its keys are revoked, its pending requests are cancelled and its active grants are revoked");
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("heading", { name: names.agent })).toContainText("active");

  await page.getByRole("button", { name: "Disable agent" }).click();
  await confirm.getByLabel("Reason").fill("Retired by the browser tests");
  await confirm.getByRole("button", { name: "Disable agent" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole("heading", { name: names.agent })).toContainText("disabled");
  await expect(page.getByRole("button", { name: "Issue key" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Disable agent" })).toHaveCount(0);
  await expect(page.getByRole("table", { name: "Keys" }).getByRole("button")).toHaveCount(0);

  await page.goto("/agents");
  await expect(page.getByRole("row", { name: names.agent })).toContainText("disabled");
});

test("the admin pages and their dialogs have no accessibility violations", async ({ page }) => {
  const names = uniqueNames();
  await createGroup(page, names.group);
  await expectNoAxeViolations(page);
  await createScope(page, names.scope, names.group);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: `Edit ${names.scope}` }).click();
  await expectNoAxeViolations(page, '[role="dialog"]');
  await page.keyboard.press("Escape");

  await registerAgent(page, names.agent, names.scope);
  await page.getByRole("button", { name: "Issue key" }).click();
  const { dialog } = await submitKeyDialog(page, "Issue key");
  await expectNoAxeViolations(page, '[role="dialog"]');
  await dialog.getByRole("button", { name: "Done" }).click();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Disable agent" }).click();
  await expectNoAxeViolations(page, '[role="alertdialog"]');
  await page.keyboard.press("Escape");

  await page.goto("/agents");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Register agent" }).click();
  await expectNoAxeViolations(page, '[role="dialog"]');
});

test("an unknown agent id answers 404 with a way back", async ({ page }) => {
  const response = await page.goto("/agents/agt_00000000000000000000000000");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "No such agent" })).toBeVisible();
  await page.getByRole("link", { name: "All agents" }).click();
  await expect(page.getByRole("heading", { name: "Agents", level: 1 })).toBeVisible();
});

test.describe("as a viewer", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("the admin pages are read-only", async ({ page, request }) => {
    const names = uniqueNames();
    const viewer = { email: `viewer-${names.agent}@e2e.baton.dev`, password: "e2e-viewer-password" };
    const asAdmin = { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } };
    for (const [path, data] of [
      ["/api/v1/admin/users", { email: viewer.email, name: "Vera Viewer", role: "VIEWER", password: viewer.password }],
      ["/api/v1/admin/groups", { name: names.group, memberEmails: [ADMIN.email] }],
      ["/api/v1/admin/scopes", { key: names.scope, risk: "HIGH", maxDurationSeconds: 900, approverGroup: names.group }],
      ["/api/v1/admin/agents", { name: names.agent, ownerEmail: ADMIN.email, eligibleScopes: [names.scope] }],
    ] as const) {
      const response = await request.post(path, { ...asAdmin, data });
      expect(response.status(), await response.text()).toBe(201);
    }
    await signIn(page, viewer);

    for (const [path, name] of [
      ["/groups", names.group],
      ["/scopes", names.scope],
      ["/agents", names.agent],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole("row", { name })).toBeVisible();
      await expect(page.getByRole("main").getByRole("button")).toHaveCount(0);
    }
    await page.getByRole("link", { name: names.agent }).click();
    await expect(page.getByRole("heading", { name: names.agent })).toBeVisible();
    await expect(page.getByText("No keys yet.")).toBeVisible();
    await expect(page.getByRole("main").getByRole("button")).toHaveCount(0);
  });
});

test("an admin registers a resource server, binds a scope to it, rotates its secret and revokes it", async ({ page }) => {
  const { scope } = uniqueNames();
  const name = `rs-${scope.slice(4, -5)}`;
  const audience = `https://${name}.example.test`;
  await page.goto("/resource-servers");
  await page.getByRole("button", { name: "Register resource server" }).click();
  const register = page.getByRole("dialog", { name: "Register resource server" });
  await register.getByLabel("Name").fill(name);
  await register.getByLabel("Audience").fill(audience);
  await register.getByRole("button", { name: "Register" }).click();
  const first = await register.getByLabel("New resource server secret").inputValue();
  expect(first).toMatch(/^batonrs_/);
  await page.keyboard.press("Escape");

  await page.goto("/scopes");
  await page.getByRole("button", { name: "New scope" }).click();
  const scopeDialog = page.getByRole("dialog", { name: "New scope" });
  await scopeDialog.getByLabel("Key").fill(scope);
  await scopeDialog.getByLabel("Max duration").fill("1 h");
  await scopeDialog.getByLabel("Resource server").selectOption(audience);
  await scopeDialog.getByRole("button", { name: "Create scope" }).click();
  await expect(scopeDialog).toBeHidden();
  await expect(page.getByRole("row", { name: new RegExp(scope.replace(/\./g, "\\.")) })).toContainText(audience);

  await page.goto("/resource-servers");
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText(scope);
  await row.getByRole("button", { name: `Rotate secret of ${name}` }).click();
  const rotate = page.getByRole("dialog", { name: `Rotate the secret of ${name}` });
  await rotate.getByLabel("Overlap").selectOption({ label: "1 h" });
  await rotate.getByRole("button", { name: "Rotate secret" }).click();
  const second = await rotate.getByLabel("New resource server secret").inputValue();
  expect(second).toMatch(/^batonrs_/);
  expect(second).not.toBe(first);
  await page.keyboard.press("Escape");
  await expect(row).toContainText(`old ${first.slice(0, 12)}… accepted until`);

  // Both secrets work during the overlap; neither after the revocation.
  const decide = (secret: string) =>
    page.request.post("/api/v1/decisions", { headers: { authorization: `Bearer ${secret}` }, data: { agentId: "agt_01jd3z8k6q4d2w5h7x9c0v1b2n", scope } });
  expect([(await decide(first)).status(), (await decide(second)).status()]).toEqual([200, 200]);
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  const revoke = page.getByRole("alertdialog", { name: `Revoke ${name}?` });
  await revoke.getByLabel("Reason").fill("replaced by a new deployment");
  await revoke.getByRole("button", { name: "Revoke resource server" }).click();
  await expect(row).toContainText("revoked");
  await expect(row.getByRole("button", { name: `Rotate secret of ${name}` })).toHaveCount(0);
  // Refused: 401, or 429 once earlier suites have used up this address's failed-authentication allowance.
  for (const secret of [first, second]) expect([401, 429]).toContain((await decide(secret)).status());
});

import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { ADMIN, MAIN_URL, adminPost, freshSuffix, signIn } from "./fixtures";

/**
 * Seeds an auto-approved scope and an agent (owned by the admin) eligible for it, with a key; every name
 * carries a fresh suffix because the database lives for the whole suite.
 */
async function seed(request: APIRequestContext) {
  const suffix = freshSuffix();
  const scope = `e2e.auto${suffix}:read`;
  await adminPost(request, "/api/v1/admin/scopes", { key: scope, description: "Read the fixture", risk: "LOW", maxDurationSeconds: 7200, autoApprove: true });
  const name = `e2e-grantee-${suffix}`;
  const agent = await adminPost<{ id: string }>(request, "/api/v1/admin/agents", { name, ownerEmail: ADMIN.email, eligibleScopes: [scope] });
  const { key } = await adminPost<{ key: string }>(request, `/api/v1/admin/agents/${agent.id}/keys`, {});
  const asAgent = { authorization: `Bearer ${key}` };
  return {
    suffix,
    scope,
    agent: { id: agent.id, name },
    /** Files a request as the agent; the scope auto-approves, so it answers with the grant at once. */
    async grant(justification: string, durationSeconds = 1800) {
      const response = await request.post(`${MAIN_URL}/api/v1/access-requests`, {
        headers: asAgent,
        data: { scopes: [scope], justification, durationSeconds },
      });
      expect(response.status(), await response.text()).toBe(201);
      const filed = (await response.json()) as { status: string; grant: { id: string } | null };
      expect(filed.status).toBe("APPROVED");
      return filed.grant!.id;
    },
    /** The ids of the grants the agent itself sees as active. */
    async activeGrantIds() {
      const response = await request.get(`${MAIN_URL}/api/v1/grants?status=active`, { headers: asAgent });
      expect(response.status()).toBe(200);
      return ((await response.json()) as { items: { id: string }[] }).items.map((grant) => grant.id);
    },
  };
}

/** Opens a page and waits until it is hydrated and following the event stream. */
async function visit(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole("status", { name: "Live updates: Live" })).toBeVisible();
}

async function expectNoAxeViolations(page: Page, include?: string) {
  const builder = new AxeBuilder({ page });
  const scan = await (include ? builder.include(include) : builder).analyze();
  expect(scan.violations).toEqual([]);
}

const revokeButton = (page: Page) => page.getByRole("main").getByRole("button", { name: "Revoke", exact: true });

test("an auto-approved grant shows where it came from; revoking it with a reason ends it for the agent at once", async ({ page, request }) => {
  const world = await seed(request);
  const justification = "Read the <b>nightly</b> export for the audit";
  const id = await world.grant(justification);

  await visit(page, "/grants");
  const row = page.getByRole("table", { name: "Grants" }).getByRole("row", { name: world.agent.name });
  await expect(row).toContainText(world.scope);
  await expect(row).toContainText("active");
  await expectNoAxeViolations(page);
  await row.getByRole("link", { name: `Grant to ${world.agent.name}` }).click();

  await expect(page).toHaveURL(`${MAIN_URL}/grants/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Grant to ${world.agent.name}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("active");
  await expect(page.getByRole("main").getByRole("definition").getByRole("link", { name: world.agent.name })).toHaveAttribute(
    "href",
    `/agents/${world.agent.id}`,
  );
  await expect(page.getByRole("definition").filter({ hasText: justification })).toBeVisible();
  await expect(page.getByText("Auto-approved by policy")).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: "The agent itself" })).toBeVisible();
  await expect(
    page
      .getByRole("definition")
      .filter({ hasText: /^in 30 minutes/ })
      .locator("time"),
  ).toHaveAttribute("title", /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/);
  await expect(page.getByRole("table", { name: "History" })).toContainText("grant.issued");
  await expectNoAxeViolations(page);

  await revokeButton(page).click();
  const dialog = page.getByRole("alertdialog", { name: `Revoke this grant of ${world.agent.name}?` });
  await expectNoAxeViolations(page, '[role="alertdialog"]');
  await dialog.getByRole("button", { name: "Revoke grant" }).click();
  await expect(dialog.getByText("Say why the grant is revoked")).toBeVisible();
  await dialog.getByLabel("Reason").fill("The audit finished early");
  await dialog.getByRole("button", { name: "Revoke grant" }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByRole("heading", { level: 1 })).toContainText("revoked");
  await expect(page.getByRole("definition").filter({ hasText: "The audit finished early" })).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: new RegExp(`^${ADMIN.name}$`) })).toBeVisible();
  await expect(revokeButton(page)).toHaveCount(0);
  await expect(page.getByRole("table", { name: "History" })).toContainText("grant.revoked");
  expect(await world.activeGrantIds()).not.toContain(id);

  await visit(page, "/grants?status=revoked");
  await expect(page.getByRole("table", { name: "Grants" }).getByRole("row", { name: world.agent.name })).toContainText("revoked");
});

test("a viewer sees the grant but no Revoke button", async ({ browser, request }) => {
  const world = await seed(request);
  const id = await world.grant("Read the export for the quarterly review");
  const viewer = { email: `viewer-${world.suffix}@e2e.baton.dev`, password: `viewer-password-${world.suffix}`, name: `Vic ${world.suffix}` };
  await adminPost(request, "/api/v1/admin/users", { ...viewer, role: "VIEWER" });

  const context = await browser.newContext({ baseURL: MAIN_URL, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, viewer);
  await visit(page, `/grants/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("active");
  await expect(page.getByText("Auto-approved by policy")).toBeVisible();
  await expect(revokeButton(page)).toHaveCount(0);
  await context.close();
  expect(await world.activeGrantIds()).toContain(id);
});

test("a one-minute grant turns expired on its page without a reload", async ({ page, request }) => {
  test.setTimeout(120_000);
  const world = await seed(request);
  const id = await world.grant("Check one row of the export", 60);
  await visit(page, `/grants/${id}`);
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toContainText("active");
  await expect(revokeButton(page)).toBeVisible();
  const countdown = page
    .getByRole("definition")
    .filter({ hasText: /^in \d+ seconds?/ })
    .locator("time");
  const before = await countdown.textContent();
  await expect(countdown).not.toHaveText(before ?? "", { timeout: 3_000 });

  await expect(heading).toContainText("expired", { timeout: 70_000 });
  await expect(revokeButton(page)).toHaveCount(0);
  await expect(page.getByRole("term").filter({ hasText: /^Expired$/ })).toBeVisible();
  expect(await world.activeGrantIds()).not.toContain(id);
});

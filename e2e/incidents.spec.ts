import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { MAIN_URL, adminPost, freshSuffix, signIn } from "./fixtures";

/**
 * A commander, a resource server enforcing a scope that needs approval, and an agent eligible for it;
 * names carry a fresh suffix because the database lives for the whole suite.
 */
async function seed(request: APIRequestContext) {
  const suffix = freshSuffix();
  const audience = `https://ops-${suffix}.example.test`;
  const { secret } = await adminPost<{ secret: string }>(request, "/api/v1/admin/resource-servers", { name: `ops-${suffix}`, audience });
  const scope = `e2e.incident${suffix}:exec`;
  await adminPost(request, "/api/v1/admin/scopes", {
    key: scope,
    description: "Restart workers",
    risk: "HIGH",
    maxDurationSeconds: 3600,
    resourceServer: audience,
  });
  const commander = { email: `commander-${suffix}@e2e.baton.dev`, password: `commander-password-${suffix}`, name: `Cora ${suffix}` };
  await adminPost(request, "/api/v1/admin/users", { ...commander, role: "COMMANDER" });
  const agentName = `e2e-ops-${suffix}`;
  const agent = await adminPost<{ id: string }>(request, "/api/v1/admin/agents", { name: agentName, ownerEmail: commander.email, eligibleScopes: [scope] });
  return {
    suffix,
    scope,
    commander,
    agent: { id: agent.id, name: agentName },
    /** What the resource server hears when the agent calls it with the scope. */
    async decision() {
      const response = await request.post(`${MAIN_URL}/api/v1/decisions`, {
        headers: { authorization: `Bearer ${secret}` },
        data: { agentId: agent.id, scope },
      });
      expect(response.status()).toBe(200);
      return ((await response.json()) as { allow: boolean }).allow;
    },
  };
}

/** Opens a page and waits until it is hydrated and following the event stream. */
async function visit(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole("status", { name: "Live updates: Live" })).toBeVisible();
}

test("a commander grants a bot authority from the incident page; resolving the incident revokes it on every open page without a reload", async ({
  browser,
  page: watcher,
  request,
}) => {
  const world = await seed(request);
  const context = await browser.newContext({ baseURL: MAIN_URL, storageState: { cookies: [], origins: [] } });
  const commander = await context.newPage();
  await signIn(commander, world.commander);

  // Open the incident.
  await visit(commander, "/incidents");
  await commander.getByRole("button", { name: "Open incident" }).click();
  const openDialog = commander.getByRole("dialog", { name: "Open incident" });
  await openDialog.getByLabel("Title").fill(`Checkout workers stuck ${world.suffix}`);
  await openDialog.getByLabel("Severity").selectOption("SEV1");
  await openDialog.getByRole("button", { name: "Open incident" }).click();
  await expect(commander).toHaveURL(/\/incidents\/inc_[0-9a-z]{26}$/);
  const incidentPath = new URL(commander.url()).pathname;
  await expect(commander.getByRole("status", { name: "Live updates: Live" })).toBeVisible();
  await expect(commander.getByRole("heading", { level: 1 })).toContainText(`Checkout workers stuck ${world.suffix}`);
  await expect(commander.getByRole("heading", { level: 1 })).toContainText("open");
  await expect(commander.getByRole("definition").filter({ hasText: world.commander.email })).toBeVisible();

  // Grant the bot authority: no request, the commander is the grantor.
  await commander.getByRole("button", { name: "Grant authority" }).click();
  const grantDialog = commander.getByRole("dialog", { name: "Grant an agent authority for this incident" });
  await grantDialog.getByLabel("Agent").selectOption({ label: world.agent.name });
  await grantDialog.getByRole("checkbox", { name: world.scope }).check();
  await expect(grantDialog.getByText("At most 1 h for the chosen scopes.")).toBeVisible();
  await grantDialog.getByLabel("Duration").selectOption({ label: "30 min" });
  await grantDialog.getByLabel("Reason").fill("Restart the stuck checkout workers");
  const scan = await new AxeBuilder({ page: commander }).include('[role="dialog"]').analyze();
  expect(scan.violations).toEqual([]);
  await grantDialog.getByRole("button", { name: "Grant" }).click();
  await expect(grantDialog).toBeHidden();

  const boundRow = commander.getByRole("table", { name: "Bound grants" }).getByRole("row", { name: world.agent.name });
  await expect(boundRow).toContainText("active");
  await expect(boundRow).toContainText(/in (29|30) minutes/);
  await expect(boundRow).toContainText(world.commander.name);
  const grantPath = await boundRow.getByRole("link", { name: `Grant to ${world.agent.name}` }).getAttribute("href");
  expect(grantPath).toMatch(/^\/grants\/grt_[0-9a-z]{26}$/);
  await expect(commander.getByRole("table", { name: "Timeline" })).toContainText("grant.issued");
  expect(await world.decision()).toBe(true);

  // Dashboards left open elsewhere: the grant's own page with its countdown, and the active grants.
  await visit(watcher, grantPath!);
  await expect(watcher.getByRole("heading", { level: 1 })).toContainText("active");
  const expiresTerm = watcher.getByRole("term").filter({ hasText: /^Expires$/ });
  await expect(expiresTerm).toBeVisible();
  await expect(
    watcher
      .getByRole("definition")
      .filter({ hasText: /^in (29|30) minutes/ })
      .getByRole("progressbar", { name: "Time left" }),
  ).toBeVisible();
  await expect(watcher.getByText("Direct grant by")).toContainText(world.commander.name);
  const activeList = await context.newPage();
  await visit(activeList, "/grants?status=active");
  await expect(activeList.getByRole("table", { name: "Grants" }).getByRole("row", { name: world.agent.name })).toContainText("active");

  // Resolve.
  await commander.getByRole("button", { name: "Resolve" }).click();
  const resolveDialog = commander.getByRole("alertdialog", { name: "Resolve this incident?" });
  await expect(resolveDialog).toContainText("1 grant bound to it will be revoked");
  await resolveDialog.getByLabel("Resolution note").fill("Workers restarted; queue drained");
  await resolveDialog.getByRole("button", { name: "Resolve incident" }).click();
  await expect(resolveDialog).toBeHidden();
  await expect(commander.getByRole("heading", { level: 1 })).toContainText("resolved");
  await expect(boundRow).toContainText("revoked");
  await expect(commander.getByRole("button", { name: "Grant authority" })).toHaveCount(0);
  await expect(commander.getByRole("table", { name: "Timeline" })).toContainText("incident.resolved");
  expect(await world.decision()).toBe(false);

  // The open pages follow without a reload.
  await expect(watcher.getByRole("heading", { level: 1 })).toContainText("revoked");
  // No longer counting down: the expiry is now only what it "was to" be.
  await expect(expiresTerm).toHaveCount(0);
  await expect(watcher.getByRole("term").filter({ hasText: /^Was to expire$/ })).toBeVisible();
  await expect(watcher.getByRole("definition").filter({ hasText: "incident resolved" })).toBeVisible();
  await expect(activeList.getByRole("table", { name: "Grants" }).getByRole("row", { name: world.agent.name })).toHaveCount(0);

  // The list shows it resolved, with nothing bound still active.
  await visit(commander, "/incidents");
  const listed = commander.getByRole("table", { name: "Incidents" }).getByRole("row", { name: new RegExp(`Checkout workers stuck ${world.suffix}`) });
  await expect(listed).toContainText("resolved");
  await expect(listed.getByRole("cell").last()).toHaveText("0");
  await expect(commander.getByRole("link", { name: "Incidents" })).toHaveAttribute("aria-current", "page");
  expect(incidentPath).toMatch(/^\/incidents\//);
  await context.close();
});

test("a viewer reads an incident but cannot open, grant or resolve", async ({ browser, request }) => {
  const world = await seed(request);
  const incident = await adminPost<{ id: string }>(request, "/api/v1/incidents", { title: `Read-only ${world.suffix}`, severity: "SEV3" });
  const viewer = { email: `viewer-${world.suffix}@e2e.baton.dev`, password: `viewer-password-${world.suffix}`, name: `Vic ${world.suffix}` };
  await adminPost(request, "/api/v1/admin/users", { ...viewer, role: "VIEWER" });
  const context = await browser.newContext({ baseURL: MAIN_URL, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, viewer);
  await visit(page, "/incidents");
  await expect(page.getByRole("button", { name: "Open incident" })).toHaveCount(0);
  await visit(page, `/incidents/${incident.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Read-only ${world.suffix}`);
  await expect(page.getByRole("button", { name: "Grant authority" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Resolve" })).toHaveCount(0);
  const scan = await new AxeBuilder({ page }).analyze();
  expect(scan.violations).toEqual([]);
  await context.close();
});

test("a commander hands over command from the incident page; every open page names the new commander without a reload", async ({
  browser,
  page: watcher,
  request,
}) => {
  const world = await seed(request);
  const incident = await adminPost<{ id: string }>(request, "/api/v1/incidents", {
    title: `Hand-over ${world.suffix}`,
    severity: "SEV2",
    commanderEmail: world.commander.email,
  });
  await visit(watcher, `/incidents/${incident.id}`);
  await expect(watcher.getByRole("definition").filter({ hasText: world.commander.email })).toBeVisible();

  const context = await browser.newContext({ baseURL: MAIN_URL, storageState: { cookies: [], origins: [] } });
  const commander = await context.newPage();
  await signIn(commander, world.commander);
  await visit(commander, `/incidents/${incident.id}`);
  await commander.getByRole("button", { name: "Hand over command" }).click();
  const dialog = commander.getByRole("dialog", { name: "Hand over command" });
  await dialog.getByLabel("New commander").selectOption({ label: "Erin Admin (admin@e2e.baton.dev)" });
  await dialog.getByLabel("Note").fill("Going off shift");
  await dialog.getByRole("button", { name: "Hand over" }).click();
  await expect(dialog).toBeHidden();

  // The former commander no longer runs the incident; the page says who does.
  await expect(commander.getByRole("definition").filter({ hasText: "admin@e2e.baton.dev" })).toBeVisible();
  await expect(commander.getByRole("button", { name: "Grant authority" })).toHaveCount(0);
  await expect(commander.getByRole("button", { name: "Resolve" })).toHaveCount(0);
  await expect(commander.getByRole("table", { name: "Timeline" }).getByRole("row").filter({ hasText: "incident.commander_changed" })).toContainText(
    "Going off shift",
  );
  await expect(watcher.getByRole("definition").filter({ hasText: "admin@e2e.baton.dev" })).toBeVisible();
  await context.close();
});

test("an admin revokes an incident tool from the incidents page, and its credential is refused at once", async ({ page, request }) => {
  const suffix = freshSuffix();
  const name = `Pager ${suffix}`;
  const tool = await adminPost<{ credential: string }>(request, "/api/v1/admin/incident-integrations", { slug: `pager-${suffix}`.toLowerCase(), name });
  const openAsTool = () =>
    request.post(`${MAIN_URL}/api/v1/incidents`, {
      headers: { authorization: `Bearer ${tool.credential}` },
      data: { title: `From the tool ${suffix}`, severity: "SEV3" },
    });
  expect((await openAsTool()).status()).toBe(201);

  await visit(page, "/incidents");
  const row = page.getByRole("table", { name: "Incident tools" }).getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText("active");
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  const dialog = page.getByRole("alertdialog", { name: `Revoke ${name}?` });
  await dialog.getByLabel("Reason").fill("Moved to the new paging tool");
  await dialog.getByRole("button", { name: "Revoke incident tool" }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText("revoked");
  await expect(row.getByRole("button", { name: `Revoke ${name}` })).toHaveCount(0);
  expect((await openAsTool()).status()).toBe(401);
});

import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { ADMIN, MAIN_URL, adminPost, freshSuffix, signIn } from "./fixtures";

/** An id Baton issues for something that has a name: never shown where the name can be. */
const RAW_ID = /\b(inc|usr|agt)_[0-9a-z]{26}\b/;

/**
 * One test's world with fresh names (the database lives for the whole suite): a low-risk scope granted
 * at once, a critical one decided by an approver group, a commander, an approver, and an agent owned by
 * the admin, eligible for both, with a key.
 */
async function seed(request: APIRequestContext) {
  const suffix = freshSuffix();
  const person = async (role: "COMMANDER" | "APPROVER", name: string) => {
    const account = {
      email: `${role.toLowerCase()}-ctx-${suffix}@e2e.baton.dev`,
      password: `${role.toLowerCase()}-password-${suffix}`,
      name: `${name} ${suffix}`,
    };
    await adminPost(request, "/api/v1/admin/users", { ...account, role });
    return account;
  };
  const commander = await person("COMMANDER", "Cora");
  const approver = await person("APPROVER", "Ada");
  const group = `e2e-ctx-${suffix}`;
  await adminPost(request, "/api/v1/admin/groups", { name: group, memberEmails: [approver.email] });
  const scopes = { low: `e2e.ctxlow${suffix}:read`, critical: `e2e.ctxcrit${suffix}:admin` };
  await adminPost(request, "/api/v1/admin/scopes", {
    key: scopes.low,
    description: "Read the context fixture",
    risk: "LOW",
    maxDurationSeconds: 7200,
    autoApprove: true,
  });
  await adminPost(request, "/api/v1/admin/scopes", {
    key: scopes.critical,
    description: "Administer the context fixture",
    risk: "CRITICAL",
    maxDurationSeconds: 3600,
    approverGroup: group,
  });
  const name = `e2e-ctx-bot-${suffix}`;
  const agent = await adminPost<{ id: string }>(request, "/api/v1/admin/agents", { name, ownerEmail: ADMIN.email, eligibleScopes: Object.values(scopes) });
  const { key } = await adminPost<{ key: string }>(request, `/api/v1/admin/agents/${agent.id}/keys`, {});
  return {
    suffix,
    scopes,
    commander,
    approver,
    agent: { id: agent.id, name },
    /** An auto-approved grant of the low scope, issued at once; returns its id. */
    async grant(durationSeconds: number) {
      const response = await request.post(`${MAIN_URL}/api/v1/access-requests`, {
        headers: { authorization: `Bearer ${key}` },
        data: { scopes: [scopes.low], justification: "Check the context on every screen", durationSeconds },
      });
      expect(response.status(), await response.text()).toBe(201);
      return ((await response.json()) as { grant: { id: string } }).grant.id;
    },
  };
}

/** Opens a page and waits until it is hydrated and following the event stream. */
async function visit(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole("status", { name: "Live updates: Live" })).toBeVisible();
}

async function signedInPage(browser: Browser, person: { email: string; password: string }) {
  const context = await browser.newContext({ baseURL: MAIN_URL, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, person);
  return page;
}

test("scopes carry their risk, grants their time left, and the expiring tile opens the list it counts", async ({ page, request }) => {
  const world = await seed(request);
  const grantId = await world.grant(240);
  await visit(page, "/");

  const row = page.getByRole("table", { name: "Active grants" }).getByRole("row", { name: world.agent.name });
  await expect(row.getByRole("list", { name: "Scopes" })).toContainText(`${world.scopes.low}low risk`);
  const bar = row.getByRole("progressbar", { name: "Time left" });
  await expect(bar).toHaveAttribute("aria-valuemax", "240");
  await expect(bar).toHaveAttribute("data-urgency", "warning"); // under 5 minutes
  await expect(bar).toHaveAttribute("aria-valuetext", /^\d+ min( \d+ s)? left$|^\d+ s left$/);

  await page.getByRole("list", { name: "Delegation state" }).getByRole("link", { name: "Expiring within 15 min" }).click();
  await expect(page).toHaveURL(/\/grants\?expiring=15m$/);
  await expect(page.getByLabel("Expiring")).toHaveValue("15m");
  const listed = page.getByRole("table", { name: "Grants" }).getByRole("row", { name: world.agent.name });
  await expect(listed).toHaveCount(1);
  await expect(listed.getByRole("progressbar", { name: "Time left" })).toBeVisible();
  await expect(listed.getByRole("link", { name: `Grant to ${world.agent.name}` })).toHaveAttribute("href", `/grants/${grantId}`);

  // A grant expiring later is not in that list, though it is active.
  await world.grant(3600);
  await visit(page, `/grants?expiring=15m&agent=${world.agent.id}`);
  await expect(page.getByRole("table", { name: "Grants" }).getByRole("row", { name: world.agent.name })).toHaveCount(1);
  await visit(page, `/grants?agent=${world.agent.id}`);
  await expect(page.getByRole("table", { name: "Grants" }).getByRole("row", { name: world.agent.name })).toHaveCount(2);

  await visit(page, `/grants/${grantId}`);
  await expect(page.getByRole("progressbar", { name: "Time left" })).toBeVisible();
});

test("activity and audit details name people, agents and incidents, with the raw event one toggle away", async ({ page, request }) => {
  const world = await seed(request);
  const grantId = await world.grant(1800);
  await visit(page, "/");
  const activity = page.getByRole("table", { name: "Recent activity" });
  await expect(activity.getByRole("link", { name: `grant ${world.agent.name}` }).first()).toBeVisible();
  expect(await activity.textContent()).not.toMatch(RAW_ID);

  await visit(page, `/audit?subject=${grantId}`);
  const events = page.getByRole("table", { name: "Audit events" });
  const issued = events.getByRole("row").filter({ hasText: "grant.issued" });
  await expect(issued).toHaveCount(1);
  await expect(issued.getByRole("link", { name: `grant ${world.agent.name}` })).toHaveAttribute("href", `/grants/${grantId}`);
  expect(await events.textContent()).not.toMatch(RAW_ID);

  const toggle = issued.getByRole("button", { name: "Show raw" });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await toggle.click();
  await expect(issued.getByRole("button", { name: "Hide raw" })).toHaveAttribute("aria-expanded", "true");
  await expect(issued.locator("pre")).toContainText(`"scopes": [`);
  await expect(issued.locator("pre")).toContainText(world.scopes.low);

  // The request behind the grant: filed by the agent, by name, for a duration in words.
  await visit(page, `/audit?actor=${world.agent.id}&action=request.filed`);
  const filed = page.getByRole("table", { name: "Audit events" }).getByRole("row").filter({ hasText: "request.filed" }).first();
  await expect(filed.getByRole("link", { name: world.agent.name, exact: true })).toHaveAttribute("href", `/agents/${world.agent.id}`);
  await expect(filed).toContainText("duration: 30 min");
});

test("the commander's dialog: no agent preselected, the agent's owner and exposure, and a second approval followed live", async ({ browser, request }) => {
  test.setTimeout(90_000); // three people sign in
  const world = await seed(request);
  await world.grant(3600); // standing exposure: the low scope, held already
  const commander = await signedInPage(browser, world.commander);
  await visit(commander, "/incidents");
  await commander.getByRole("button", { name: "Open incident" }).click();
  const openDialog = commander.getByRole("dialog", { name: "Open incident" });
  await openDialog.getByLabel("Title").fill(`Context check ${world.suffix}`);
  await openDialog.getByLabel("Severity").selectOption("SEV1");
  await openDialog.getByRole("button", { name: "Open incident" }).click();
  await expect(commander).toHaveURL(/\/incidents\/inc_[0-9a-z]{26}$/);
  await expect(commander.getByRole("status", { name: "Live updates: Live" })).toBeVisible();

  // My open incidents, on the commander's overview, with the severity chip linking back.
  const incidentPath = new URL(commander.url()).pathname;
  const overview = await commander.context().newPage();
  await visit(overview, "/");
  const mine = overview.getByRole("table", { name: "My open incidents" });
  await expect(mine.getByRole("link", { name: `SEV1 Incident Context check ${world.suffix}` })).toHaveAttribute("href", incidentPath);

  await commander.getByRole("button", { name: "Grant authority" }).click();
  const dialog = commander.getByRole("dialog", { name: "Grant an agent authority for this incident" });
  await expect(dialog.getByLabel("Agent")).toHaveValue("");
  await expect(dialog.getByRole("checkbox")).toHaveCount(0);
  await dialog.getByLabel("Agent").selectOption({ label: world.agent.name });
  const about = dialog.getByRole("region", { name: `About ${world.agent.name}` });
  await expect(about).toContainText(`Owner: ${ADMIN.name} (${ADMIN.email})`);
  await expect(about).toContainText("Already holds: 1 scope through 1 active grant");
  await expect(about.getByRole("list", { name: "Scopes" })).toContainText(world.scopes.low);

  await dialog.getByRole("checkbox", { name: world.scopes.critical }).check();
  const duration = dialog.getByLabel("Duration");
  await expect(duration.locator("option").first()).toHaveText("1 h (the most allowed)");
  await duration.selectOption({ label: "30 min" });
  await dialog.getByLabel("Reason").fill("Administer the fixture during the incident");
  await dialog.getByRole("button", { name: "Grant" }).click();

  const progress = dialog.getByRole("region", { name: "Second approval" });
  await expect(progress.getByRole("status")).toHaveText("Waiting for a second approval");
  await expect(progress).toContainText(/Approvals\s*\d+ of \d+/);
  await expect(dialog.getByRole("alert")).toHaveCount(0);
  const requestPath = await progress.getByRole("link", { name: "Open the request" }).getAttribute("href");
  expect(requestPath).toMatch(/^\/requests\/req_[0-9a-z]{26}$/);

  // The approver decides elsewhere; the open dialog follows without a reload.
  const approver = await signedInPage(browser, world.approver);
  const decided = await approver.request.post(`/api/ui${requestPath}/decision`, {
    headers: { origin: MAIN_URL },
    data: { decision: "approve", comment: "Second pair of eyes" },
  });
  expect(decided.status(), await decided.text()).toBe(200);
  await expect(progress.getByRole("status")).toHaveText("Approved: the grant is issued");
  await approver.context().close();
  await commander.context().close();
});

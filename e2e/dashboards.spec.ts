import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { GENESIS_HASH, hashEvent, type JsonValue } from "../lib/audit/hash-event";
import { ADMIN, MAIN_URL, adminPost, freshSuffix, signIn } from "./fixtures";

/**
 * One test's world, through the admin API, with fresh names (the database lives for the whole suite):
 * an auto-approved scope, one routed to an approver group with one approver, and an agent eligible
 * for both, with a key.
 */
async function seed(request: APIRequestContext) {
  const suffix = freshSuffix();
  const approver = { email: `approver-${suffix}@e2e.baton.dev`, password: `approver-password-${suffix}`, name: `Ada ${suffix}` };
  await adminPost(request, "/api/v1/admin/users", { ...approver, role: "APPROVER" });
  await adminPost(request, "/api/v1/admin/groups", { name: `e2e-dash-${suffix}`, memberEmails: [approver.email] });
  const scopes = { auto: `e2e.dashauto${suffix}:read`, routed: `e2e.dashrouted${suffix}:write` };
  await adminPost(request, "/api/v1/admin/scopes", {
    key: scopes.auto,
    description: "Read the dashboard fixture",
    risk: "LOW",
    maxDurationSeconds: 7200,
    autoApprove: true,
  });
  await adminPost(request, "/api/v1/admin/scopes", {
    key: scopes.routed,
    description: "Change the dashboard fixture",
    risk: "MEDIUM",
    maxDurationSeconds: 7200,
    approverGroup: `e2e-dash-${suffix}`,
  });
  const name = `e2e-dash-bot-${suffix}`;
  const agent = await adminPost<{ id: string }>(request, "/api/v1/admin/agents", { name, ownerEmail: ADMIN.email, eligibleScopes: Object.values(scopes) });
  const { key } = await adminPost<{ key: string }>(request, `/api/v1/admin/agents/${agent.id}/keys`, {});
  const asAgent = { authorization: `Bearer ${key}` };
  const file = async (scope: string, durationSeconds: number, extra: { onBehalfOf?: string } = {}) => {
    const response = await request.post(`${MAIN_URL}/api/v1/access-requests`, {
      headers: asAgent,
      data: { scopes: [scope], justification: "Check the dashboards", durationSeconds, ...extra },
    });
    expect(response.status(), await response.text()).toBe(201);
    return (await response.json()) as { id: string; status: string; grant: { id: string } | null };
  };
  return {
    approver,
    scopes,
    agent: { id: agent.id, name },
    /** An auto-approved grant, issued at once; returns its id. */
    grant: async (durationSeconds = 1800, extra: { onBehalfOf?: string } = {}) => (await file(scopes.auto, durationSeconds, extra)).grant!.id,
    /** A request that waits for the approver; returns its id. */
    ask: async () => (await file(scopes.routed, 1800)).id,
    requestAsAgentSees: async (id: string) =>
      (await (await request.get(`${MAIN_URL}/api/v1/access-requests/${id}`, { headers: asAgent })).json()) as { status: string; grant: { id: string } | null },
    revoke: (grantId: string) => adminPost(request, `/api/v1/grants/${grantId}/revoke`, { reason: "The dashboard test is done" }, 200),
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

async function expectNoAxeViolations(page: Page) {
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
}

const tile = (page: Page, label: string) =>
  page.getByRole("list", { name: "Delegation state" }).getByRole("listitem", { name: new RegExp(`^${label}: \\d+$`) });
async function tileValue(page: Page, label: string): Promise<number> {
  const name = (await tile(page, label).getAttribute("aria-label")) ?? "";
  return Number(name.slice(name.lastIndexOf(" ") + 1));
}

test("a one-minute grant counts down on the overview and its page, and both stop showing it active at its expiry without a reload", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const world = await seed(request);
  await visit(page, "/");
  const active = await tileValue(page, "Active grants");
  const expiring = await tileValue(page, "Expiring within 15 min");

  const id = await world.grant(60);
  const row = page.getByRole("table", { name: "Active grants" }).getByRole("row", { name: world.agent.name });
  await expect(row).toContainText(world.scopes.auto);
  await expect(row).toContainText("active");
  await expect(tile(page, "Active grants")).toHaveAccessibleName(`Active grants: ${active + 1}`);
  await expect(tile(page, "Expiring within 15 min")).toHaveAccessibleName(`Expiring within 15 min: ${expiring + 1}`);
  await expect(page.getByRole("table", { name: "Grants, last 24 hours" })).toBeAttached();
  await expectNoAxeViolations(page);
  const countdown = row.locator("time");
  await expect(countdown).toHaveAttribute("title", /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/);
  await expect(countdown).toHaveText(/^in \d+ seconds?$|^in 1 minute$/);
  const before = await countdown.textContent();
  await expect(countdown).not.toHaveText(before ?? "", { timeout: 3_000 });

  const grantPage = await page.context().newPage();
  await visit(grantPage, `/grants/${id}`);
  await expect(grantPage.getByRole("heading", { level: 1 })).toContainText("active");

  await expect(grantPage.getByRole("heading", { level: 1 })).toContainText("expired", { timeout: 70_000 });
  // The row flips to expired at once in the browser; once the expiry job has marked the grant, the
  // refetched list no longer carries it at all. Either way it is no longer shown as active.
  // allTextContents does not wait for the row, which the refetch may remove at any moment.
  await expect(async () => {
    for (const text of await row.allTextContents()) expect(text).toContain("expired");
  }).toPass({ timeout: 5_000 });
  await expect(tile(page, "Active grants")).toHaveAccessibleName(`Active grants: ${active}`);
  await expect(tile(page, "Expiring within 15 min")).toHaveAccessibleName(`Expiring within 15 min: ${expiring}`);
});

test("an approval made in one browser shows in another's overview without a reload, and so does a revocation", async ({ page, browser, request }) => {
  const world = await seed(request);
  await visit(page, "/");
  const pending = await tileValue(page, "Pending requests");
  const requestId = await world.ask();
  const pendingRow = page.getByRole("table", { name: "Pending requests" }).getByRole("row", { name: world.agent.name });
  await expect(pendingRow).toContainText(world.scopes.routed);
  await expect(pendingRow.locator("time")).toHaveAttribute("title", /^\d{4}-\d\d-\d\dT/);
  await expect(tile(page, "Pending requests")).toHaveAccessibleName(`Pending requests: ${pending + 1}`);

  // The overview lists the 50 soonest-expiring grants, which earlier suites' shorter grants may fill:
  // the agent's own grants list, open in a second tab, shows this grant whatever else is active.
  const agentGrants = await page.context().newPage();
  await visit(agentGrants, `/grants?agent=${world.agent.id}`);
  const approverPage = await signedInPage(browser, world.approver);
  await visit(approverPage, "/requests");
  const inboxRow = approverPage.getByRole("table", { name: "Waiting for you" }).getByRole("row", { name: world.agent.name });
  await inboxRow.getByRole("button", { name: "Approve" }).click();
  await approverPage
    .getByRole("dialog", { name: `Approve the request from ${world.agent.name}` })
    .getByRole("button", { name: "Approve" })
    .click();
  await expect(approverPage.getByText(`Approved the request from ${world.agent.name}; the grant is issued.`)).toBeVisible();
  await approverPage.context().close();

  await expect(pendingRow).toHaveCount(0);
  await expect(tile(page, "Pending requests")).toHaveAccessibleName(`Pending requests: ${pending}`);
  const grantRow = agentGrants.getByRole("table", { name: "Grants" }).getByRole("row", { name: world.agent.name });
  await expect(grantRow).toContainText(world.scopes.routed);
  await expect(grantRow.locator("time").last()).toHaveText(/^in (30|29) minutes$/);

  const grant = (await world.requestAsAgentSees(requestId)).grant!;
  await world.revoke(grant.id);
  await expect(grantRow).toHaveCount(0);
});

test("the agent page shows its standing exposure live: what it holds now, for whom and until when", async ({ page, request }) => {
  const world = await seed(request);
  await visit(page, `/agents/${world.agent.id}`);
  await expect(page.getByText("The agent holds no authority right now.")).toBeVisible();

  const id = await world.grant(1800, { onBehalfOf: ADMIN.email });
  await world.grant(3600);
  const exposure = page.getByRole("table", { name: "Standing exposure" }).getByRole("row", { name: world.scopes.auto });
  await expect(exposure).toContainText(`${ADMIN.email}, itself`);
  await expect(exposure.locator("time")).toHaveText(/^in (1 hour|60 minutes|59 minutes)$/);
  await expect(exposure.getByRole("cell").last()).toHaveText("2");
  await expect(page.getByText(/1 scope through 2 active grants/)).toBeVisible();
  await expectNoAxeViolations(page);
  await expect(page.getByRole("table", { name: "Recent grants" }).getByRole("row")).toHaveCount(3);

  await world.revoke(id);
  await expect(exposure).toContainText("itself");
  await expect(exposure).not.toContainText(ADMIN.email);
  await expect(exposure.getByRole("cell").last()).toHaveText("1");
});

test("the grants list filters through its URL, pages with a cursor, and stays live", async ({ page, request }) => {
  const world = await seed(request);
  for (let i = 0; i < 3; i++) await world.grant(1800);
  await visit(page, "/grants");
  const filters = page.getByRole("form", { name: "Filter grants" });
  await filters.getByLabel("Status").selectOption("all");
  await filters.getByLabel("Agent").selectOption({ label: world.agent.name });
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`status=all.*agent=${world.agent.id}`));
  const rows = page.getByRole("table", { name: "Grants" }).getByRole("row", { name: world.agent.name });
  await expect(rows).toHaveCount(3);
  await expectNoAxeViolations(page);

  await world.grant(600);
  await expect(rows).toHaveCount(4);

  await visit(page, `/grants?status=all&agent=${world.agent.id}&limit=3`);
  await expect(rows).toHaveCount(3);
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/cursor=\d+\.grt_/);
  await expect(rows).toHaveCount(1);
  await expect(page.getByRole("link", { name: "Next page" })).toHaveCount(0);
  await page.getByRole("link", { name: "First page" }).click();
  await expect(rows).toHaveCount(3);

  await visit(page, `/grants?status=all&agent=${world.agent.id}&onBehalfOf=${encodeURIComponent("nobody@e2e.baton.dev")}`);
  await expect(page.getByText("No grants match.")).toBeVisible();
  await expect(page.getByRole("form", { name: "Filter grants" }).getByLabel("On behalf of")).toHaveValue("nobody@e2e.baton.dev");
});

interface ExportedLine {
  seq: number;
  id: string;
  at: string;
  actorKind: string;
  actorId: string | null;
  action: string;
  subjectKind: string;
  subjectId: string;
  agentId: string | null;
  data: JsonValue;
  prevHash: string;
  hash: string;
}

async function download(page: Page, linkName: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: linkName }).click()]);
  return fs.readFileSync((await file.path())!, "utf8");
}

/** The chain check, done here with Baton's own hashing: every hash recomputed, every consecutive pair linked. */
function expectChain(lines: ExportedLine[]) {
  lines.forEach((event, i) => {
    expect(hashEvent(event.prevHash, { ...event, seq: BigInt(event.seq), at: new Date(event.at) }), `hash of event ${event.seq}`).toBe(event.hash);
    const previous = lines[i - 1];
    if (previous && previous.seq === event.seq - 1) expect(event.prevHash, `link of event ${event.seq}`).toBe(previous.hash);
  });
}

test("the audit log filters, verifies its chain with progress, and exports files that re-verify", async ({ page, browser, request }) => {
  const world = await seed(request);
  const grantId = await world.grant(1800);
  await visit(page, "/audit");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit" })).toHaveAttribute("aria-current", "page");

  await page.getByRole("button", { name: "Verify chain" }).click();
  await expect(page.getByRole("status", { name: "Chain verification" })).toHaveText(/^OK \d+ events: the chain is intact\.$/, { timeout: 15_000 });
  await expectNoAxeViolations(page);
  const verified = Number(/OK (\d+)/.exec((await page.getByRole("status", { name: "Chain verification" }).textContent())!)![1]);

  const everything = (await download(page, "Export JSON Lines"))
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as ExportedLine);
  expect(everything.length).toBeGreaterThanOrEqual(verified);
  expect(everything.map((event) => event.seq)).toEqual(everything.map((_, i) => i + 1));
  expect(everything[0]!.prevHash).toBe(GENESIS_HASH);
  expectChain(everything);

  const filters = page.getByRole("form", { name: "Filter the audit log" });
  await filters.getByLabel("Subject").fill(grantId);
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`subject=${grantId}`));
  const events = page
    .getByRole("table", { name: "Audit events" })
    .getByRole("row")
    .filter({ hasText: `grant ${world.agent.name}` });
  await expect(events).toHaveCount(1);
  await expect(events.first()).toContainText("grant.issued");

  const filtered = (await download(page, "Export JSON Lines"))
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as ExportedLine);
  expect(filtered.map((event) => [event.subjectId, event.action])).toEqual([[grantId, "grant.issued"]]);
  expectChain(filtered);
  const csv = (await download(page, "Export CSV")).split("\r\n");
  expect(csv[0]).toBe("seq,id,at,actorKind,actorId,action,subjectKind,subjectId,agentId,data,prevHash,hash");
  expect(csv.filter(Boolean)).toHaveLength(2);
  expect(csv[1]).toContain(`,grant.issued,grant,${grantId},${world.agent.id},`);

  // Live: the revocation lands on the open, filtered page without a reload.
  await world.revoke(grantId);
  await expect(events).toHaveCount(2);
  await expect(events.first()).toContainText("grant.revoked");

  const badFormat = await page.request.get("/api/ui/audit/export?format=xml");
  expect(badFormat.status()).toBe(400);
  expect(badFormat.headers()["content-type"]).toContain("application/problem+json");
  expect(((await badFormat.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(["query.format"]);
  const badCursor = await page.request.get("/api/ui/grants?cursor=1;DROP&agent=ops-bot");
  expect(badCursor.status()).toBe(400);
  expect(((await badCursor.json()) as { errors: { field: string }[] }).errors.map((e) => e.field).sort()).toEqual(["query.agent", "query.cursor"]);

  const viewer = { email: `viewer-${world.agent.id.slice(-8)}@e2e.baton.dev`, password: "viewer-password-dashboards", name: "Vera Viewer" };
  await adminPost(request, "/api/v1/admin/users", { ...viewer, role: "VIEWER" });
  const viewerPage = await signedInPage(browser, viewer);
  await expect(viewerPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit" })).toHaveCount(0);
  expect((await viewerPage.request.get("/api/ui/audit/export?format=jsonl")).status()).toBe(403);
  expect((await viewerPage.request.get("/api/ui/audit")).status()).toBe(403);
  expect((await viewerPage.goto("/audit"))?.status()).toBe(403);
  await expect(viewerPage.getByText("You need the approver, commander or admin role to open this page.")).toBeVisible();
  await viewerPage.context().close();
});

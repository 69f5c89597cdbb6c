import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import { runBaton } from "./cli";
import { ADMIN, MAIN_URL, adminPost, freshSuffix, signIn } from "./fixtures";

interface Person {
  email: string;
  password: string;
  name: string;
}

type Risk = "LOW" | "MEDIUM" | "HIGH" | "CRITICAL";

/** Each approver, viewer or owner signs in in a browser context of their own, closed after the test. */
const test = base.extend<{ signInAs: (person: Person) => Promise<Page> }>({
  signInAs: async ({ browser }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async (person) => {
      const context = await browser.newContext({ baseURL: MAIN_URL, storageState: { cookies: [], origins: [] } });
      contexts.push(context);
      const page = await context.newPage();
      await signIn(page, person);
      return page;
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});

/**
 * Seeds one test's world through the admin API, every name carrying a fresh suffix (the database lives
 * for the whole suite): people with passwords, approver groups, scopes routed to them, and one agent
 * (owned by the admin unless `owner` names one of the people) with a key, eligible for every scope.
 */
async function seed<P extends string, G extends string, S extends string>(
  request: APIRequestContext,
  spec: { people: Record<P, "APPROVER" | "VIEWER">; groups: Record<G, NoInfer<P>[]>; scopes: Record<S, { group: NoInfer<G>; risk: Risk }>; owner?: NoInfer<P> },
) {
  const suffix = freshSuffix();
  const people = {} as Record<P, Person>;
  for (const [alias, role] of Object.entries(spec.people) as [P, string][]) {
    people[alias] = {
      email: `${alias}-${suffix}@e2e.baton.dev`,
      password: `${alias}-password-${suffix}`,
      name: `${alias[0]!.toUpperCase()}${alias.slice(1)} ${suffix}`,
    };
    await adminPost(request, "/api/v1/admin/users", { ...people[alias], role });
  }
  for (const [alias, members] of Object.entries(spec.groups) as [G, P[]][])
    await adminPost(request, "/api/v1/admin/groups", { name: `e2e-${alias}-${suffix}`, memberEmails: members.map((member) => people[member].email) });
  const scopes = {} as Record<S, string>;
  for (const [alias, scope] of Object.entries(spec.scopes) as [S, { group: G; risk: Risk }][]) {
    scopes[alias] = `e2e.${alias}${suffix}:use`;
    await adminPost(request, "/api/v1/admin/scopes", {
      key: scopes[alias],
      description: `The ${alias} fixture`,
      risk: scope.risk,
      maxDurationSeconds: 7200,
      approverGroup: `e2e-${scope.group}-${suffix}`,
    });
  }
  const name = `e2e-bot-${suffix}`;
  const agent = await adminPost<{ id: string }>(request, "/api/v1/admin/agents", {
    name,
    ownerEmail: spec.owner ? people[spec.owner].email : ADMIN.email,
    eligibleScopes: Object.values(scopes),
  });
  const { key } = await adminPost<{ key: string }>(request, `/api/v1/admin/agents/${agent.id}/keys`, {});
  const asAgent = { authorization: `Bearer ${key}` };

  return {
    people,
    scopes,
    agent: { id: agent.id, name, env: { BATON_URL: MAIN_URL, BATON_API_KEY: key } },
    /** Files a request as the agent, through the agent API, and returns its id. */
    async file(scopeAliases: S[], justification = "Reconcile yesterday's payouts with the ledger", extra: { contextRef?: string; onBehalfOf?: string } = {}) {
      const response = await request.post(`${MAIN_URL}/api/v1/access-requests`, {
        headers: asAgent,
        data: { scopes: scopeAliases.map((alias) => scopes[alias]), justification, durationSeconds: 1800, ...extra },
      });
      expect(response.status(), await response.text()).toBe(201);
      return ((await response.json()) as { id: string }).id;
    },
    /** The request as the agent sees it. */
    async asAgentSees(id: string) {
      const response = await request.get(`${MAIN_URL}/api/v1/access-requests/${id}`, { headers: asAgent });
      expect(response.status()).toBe(200);
      return (await response.json()) as { status: string; reason: string | null; grant: { scopes: string[]; secondsRemaining: number } | null };
    },
  };
}

/** Opens a page and waits until it is live: hydrated (so keys and clicks reach React) and following the event stream. */
async function visit(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole("status", { name: "Live updates: Live" })).toBeVisible();
}

const waitingForYou = (page: Page) => page.getByRole("table", { name: "Waiting for you" });
const otherRequests = (page: Page) => page.getByRole("table", { name: "Other pending requests" });
const decisionButtons = (page: Page) => page.getByRole("main").getByRole("button", { name: /^(Approve|Deny)/ });

async function expectNoAxeViolations(page: Page, include?: string) {
  const builder = new AxeBuilder({ page });
  const scan = await (include ? builder.include(include) : builder).analyze();
  expect(scan.violations).toEqual([]);
}

test("a request filed by an agent appears live; the approver narrows it (scopes, duration, constraints), and the waiting agent gets the narrowed grant", async ({
  request,
  signInAs,
}) => {
  test.setTimeout(90_000);
  const world = await seed(request, {
    people: { alice: "APPROVER" },
    groups: { ops: ["alice"] },
    scopes: { ledger: { group: "ops", risk: "MEDIUM" }, payouts: { group: "ops", risk: "HIGH" } },
  });
  const page = await signInAs(world.people.alice);
  await visit(page, "/requests");
  await expect(page.getByText("Nothing is waiting for your decision.")).toBeVisible();

  const justification = "Reconcile <b>payouts</b> with the ledger";
  const agentRun = runBaton(
    [
      "request",
      ...["--scope", world.scopes.ledger, "--scope", world.scopes.payouts, "--for", "30m", "--reason", justification],
      ...["--location", "tenant:acme", "--location", "tenant:globex", "--action", "use", "--wait", "45s", "--json"],
    ],
    world.agent.env,
  );
  const row = waitingForYou(page).getByRole("row", { name: world.agent.name });
  await expect(row).toBeVisible({ timeout: 15_000 });
  await expect(row).toContainText(justification);
  await expect(row).toContainText(`owner ${ADMIN.name}`);
  await expect(row).toContainText("30 min");
  await expect(row).toContainText("0 of 1");
  await expect(row.locator("time")).toHaveAttribute("title", /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/);

  await row.getByRole("button", { name: "Approve" }).click();
  const dialog = page.getByRole("dialog", { name: `Approve the request from ${world.agent.name}` });
  await dialog.getByRole("checkbox", { name: world.scopes.payouts }).uncheck();
  await dialog.getByLabel("Duration").selectOption({ label: "15 min" });
  await dialog.getByRole("group", { name: "Locations of constraint 1" }).getByRole("checkbox", { name: "tenant:globex" }).uncheck();
  await expect(dialog).toContainText("Grants 1 of 2 scopes for 15 min.");
  await dialog.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByText(`Approved the request from ${world.agent.name}; the grant is issued.`)).toBeVisible();
  await expect(row).toHaveCount(0);

  const run = await agentRun;
  expect(run.code, run.stderr).toBe(0);
  const decided = JSON.parse(run.stdout) as { status: string; grant: { scopes: string[]; secondsRemaining: number; authorizationDetails: unknown } };
  expect(decided.status).toBe("APPROVED");
  expect(decided.grant.scopes).toEqual([world.scopes.ledger]);
  expect(decided.grant.authorizationDetails).toEqual([{ type: "baton_constraint", locations: ["tenant:acme"], actions: ["use"] }]);
  expect(decided.grant.secondsRemaining).toBeLessThanOrEqual(900);
});

test("two approvers race on a one-approval request: one wins, the other is told someone decided first", async ({ request, signInAs }) => {
  const world = await seed(request, {
    people: { ann: "APPROVER", ben: "APPROVER" },
    groups: { ops: ["ann", "ben"] },
    scopes: { deploy: { group: "ops", risk: "MEDIUM" } },
  });
  const id = await world.file(["deploy"]);
  const pages = await Promise.all([signInAs(world.people.ann), signInAs(world.people.ben)]);
  for (const page of pages) {
    await visit(page, `/requests/${id}`);
    await page.getByRole("button", { name: "Approve" }).click();
    await expect(page.getByRole("dialog")).toBeVisible();
  }

  await Promise.all(pages.map((page) => page.getByRole("dialog").getByRole("button", { name: "Approve" }).click()));
  const outcomes = await Promise.all(
    pages.map(async (page) => {
      const notice = page.getByRole("main").getByText(/^(Approved the request|Someone else decided first)/);
      await expect(notice).toBeVisible();
      return notice.textContent();
    }),
  );
  expect(outcomes.filter((text) => text?.startsWith("Approved the request"))).toHaveLength(1);
  const names = [world.people.ann.name, world.people.ben.name];
  expect(outcomes.filter((text) => names.some((name) => text === `Someone else decided first: ${name} approved this request.`))).toHaveLength(1);
  for (const page of pages) {
    await expect(page.getByRole("heading", { level: 1 })).toContainText("approved");
    await expect(decisionButtons(page)).toHaveCount(0);
  }
  expect((await world.asAgentSees(id)).status).toBe("APPROVED");
});

test("a request routed to two groups needs an approver from each", async ({ request, signInAs }) => {
  const world = await seed(request, {
    people: { pia: "APPROVER", sam: "APPROVER" },
    groups: { payments: ["pia"], security: ["sam"] },
    scopes: { refunds: { group: "payments", risk: "MEDIUM" }, secrets: { group: "security", risk: "HIGH" } },
  });
  const id = await world.file(["refunds", "secrets"]);

  const pia = await signInAs(world.people.pia);
  await visit(pia, "/requests");
  const row = waitingForYou(pia).getByRole("row", { name: world.agent.name });
  await expect(row).toContainText("0 of 2");
  await row.getByRole("button", { name: "Approve" }).click();
  await pia.getByRole("dialog").getByRole("button", { name: "Approve" }).click();
  await expect(pia.getByText(`Your approval of the request from ${world.agent.name} is recorded`)).toBeVisible();
  const stillPending = otherRequests(pia).getByRole("row", { name: world.agent.name });
  await expect(stillPending).toContainText("1 of 2");
  await expect(stillPending).toContainText("You have already approved");
  expect((await world.asAgentSees(id)).status).toBe("PENDING");

  const sam = await signInAs(world.people.sam);
  await visit(sam, `/requests/${id}`);
  await expect(sam.getByRole("definition").filter({ hasText: /^1 of 2 — needs 1 more from e2e-security-/ })).toBeVisible();
  await sam.getByRole("button", { name: "Approve" }).click();
  await sam.getByRole("dialog").getByRole("button", { name: "Approve" }).click();
  await expect(sam.getByText(`Approved the request from ${world.agent.name}; the grant is issued.`)).toBeVisible();
  await expect(sam.getByRole("heading", { level: 1 })).toContainText("approved");
  await expect(sam.getByRole("table", { name: "Approvals" }).getByRole("row")).toHaveCount(3);
  const granted = await world.asAgentSees(id);
  expect(granted.status).toBe("APPROVED");
  expect(granted.grant?.scopes.sort()).toEqual([world.scopes.refunds, world.scopes.secrets].sort());
});

test("a viewer sees no decision buttons, and forged or same-origin decisions with a viewer's session are refused", async ({ request, signInAs }) => {
  const world = await seed(request, {
    people: { ada: "APPROVER", vera: "VIEWER" },
    groups: { ops: ["ada"] },
    scopes: { deploy: { group: "ops", risk: "MEDIUM" } },
  });
  const id = await world.file(["deploy"]);
  const page = await signInAs(world.people.vera);
  await visit(page, "/requests");
  await expect(otherRequests(page).getByRole("row", { name: world.agent.name })).toContainText("Viewers cannot decide requests");
  await expect(decisionButtons(page)).toHaveCount(0);
  await page.keyboard.press("j");
  await page.keyboard.press("a");
  await expect(page.getByRole("dialog")).toHaveCount(0);

  await visit(page, `/requests/${id}`);
  await expect(page.getByRole("main").getByText("Viewers cannot decide requests")).toBeVisible();
  await expect(decisionButtons(page)).toHaveCount(0);

  // The page's own request context carries the viewer's session cookie, as a cross-site form post would.
  const decisionUrl = `${MAIN_URL}/api/ui/requests/${id}/decision`;
  const approve = JSON.stringify({ decision: "approve" });
  const attempts: Record<string, string>[] = [
    { origin: "https://attacker.example", "content-type": "text/plain" },
    { origin: "https://attacker.example", "content-type": "application/json" },
    { origin: "null", "content-type": "text/plain" },
    { "content-type": "text/plain" },
  ];
  for (const headers of attempts) expect((await page.request.post(decisionUrl, { headers, data: approve })).status(), JSON.stringify(headers)).toBe(403);
  expect((await page.request.post(decisionUrl, { headers: { origin: MAIN_URL, "content-type": "text/plain" }, data: approve })).status()).toBe(400);
  const sameOrigin = await page.request.post(decisionUrl, { headers: { origin: MAIN_URL, "content-type": "application/json" }, data: approve });
  expect(sameOrigin.status()).toBe(403);
  expect((await sameOrigin.json()).detail).toBe("Viewers cannot decide requests");
  expect((await world.asAgentSees(id)).status).toBe("PENDING");
});

test("the owner of the agent cannot decide its request, even as a member of the approver group", async ({ request, signInAs }) => {
  const world = await seed(request, {
    people: { olga: "APPROVER" },
    groups: { ops: ["olga"] },
    scopes: { deploy: { group: "ops", risk: "MEDIUM" } },
    owner: "olga",
  });
  const id = await world.file(["deploy"]);
  const page = await signInAs(world.people.olga);
  await visit(page, "/requests");
  const row = otherRequests(page).getByRole("row", { name: world.agent.name });
  await expect(row).toContainText("You cannot decide this: you own the agent that asked");
  await expect(row.getByRole("button")).toHaveCount(0);

  await visit(page, `/requests/${id}`);
  await expect(page.getByRole("main").getByText("You cannot decide this: you own the agent that asked")).toBeVisible();
  await expect(decisionButtons(page)).toHaveCount(0);

  const direct = await page.request.post(`${MAIN_URL}/api/ui/requests/${id}/decision`, { headers: { origin: MAIN_URL }, data: { decision: "approve" } });
  expect(direct.status()).toBe(403);
  expect((await direct.json()).detail).toContain("you own the agent that asked");
  expect((await world.asAgentSees(id)).status).toBe("PENDING");
});

test("approving a critical scope with a stale sign-in sends the approver to sign in again, then back to the request", async ({ request, signInAs }) => {
  const world = await seed(request, { people: { carl: "APPROVER" }, groups: { ops: ["carl"] }, scopes: { prod: { group: "ops", risk: "CRITICAL" } } });
  const id = await world.file(["prod"]);
  const page = await signInAs(world.people.carl);
  await visit(page, "/requests");
  await expect(waitingForYou(page).getByRole("row", { name: world.agent.name })).toContainText("critical");

  // A session here is always minutes old and the server's clock cannot be moved, so the refusal a stale
  // sign-in gets is played back with the body decideRequest sends (lib/approvals/decide-request.ts; the
  // server side is covered by tests/integration/decide-request.test.ts). The sign-in round trip is real.
  await visit(page, `/requests/${id}`);
  await page.route(
    `**/api/ui/requests/${id}/decision`,
    (route) =>
      route.fulfill({
        status: 403,
        contentType: "application/problem+json",
        body: JSON.stringify({
          type: "urn:baton:problem:forbidden",
          title: "Not allowed",
          status: 403,
          detail: "Approving a critical scope needs a sign-in from the last 10 minutes. Sign in again, then approve.",
          errors: [{ field: "stepUp", message: "re-authentication required" }],
        }),
      }),
    { times: 1 },
  );
  await page.getByRole("button", { name: "Approve" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("approving it needs a sign-in from the last 10 minutes");
  await dialog.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Approving a critical scope needs a recent sign-in");
  const signInAgain = page.getByRole("link", { name: "Sign in again" });
  await expect(signInAgain).toHaveAttribute("href", `/sign-in?reauth=1&callbackUrl=%2Frequests%2F${id}`);
  expect((await world.asAgentSees(id)).status).toBe("PENDING");

  await signInAgain.click();
  await page.getByLabel("Email").fill(world.people.carl.email);
  await page.getByLabel("Password").fill(world.people.carl.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${MAIN_URL}/requests/${id}`);
  await expect(page.getByRole("status", { name: "Live updates: Live" })).toBeVisible();

  await page.getByRole("button", { name: "Approve" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Approve" }).click();
  await expect(page.getByText(`Approved the request from ${world.agent.name}; the grant is issued.`)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Grant" })).toBeVisible();
  expect((await world.asAgentSees(id)).status).toBe("APPROVED");
});

test("a denial needs a reason, and the agent receives it", async ({ request, signInAs }) => {
  const world = await seed(request, { people: { dora: "APPROVER" }, groups: { ops: ["dora"] }, scopes: { deploy: { group: "ops", risk: "HIGH" } } });
  const id = await world.file(["deploy"]);
  const page = await signInAs(world.people.dora);
  await visit(page, "/requests");
  const row = waitingForYou(page).getByRole("row", { name: world.agent.name });
  await row.getByRole("button", { name: "Deny" }).click();
  const dialog = page.getByRole("dialog", { name: `Deny the request from ${world.agent.name}` });
  await dialog.getByRole("button", { name: "Deny" }).click();
  await expect(dialog.getByText("Say why the request is denied")).toBeVisible();

  await dialog.getByLabel("Reason").fill("Not during the change freeze");
  await dialog.getByRole("button", { name: "Deny" }).click();
  await expect(page.getByText(`Denied the request from ${world.agent.name}.`)).toBeVisible();
  await expect(row).toHaveCount(0);

  const denied = await world.asAgentSees(id);
  expect(denied.status).toBe("DENIED");
  expect(denied.reason).toBe("Not during the change freeze");
  const status = await runBaton(["status", id], world.agent.env);
  expect(status.code, status.stderr).toBe(2);

  await visit(page, `/requests/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("denied");
  await expect(page.getByRole("definition").filter({ hasText: "Not during the change freeze" })).toBeVisible();
  await expect(page.getByRole("table", { name: "History" })).toContainText("request.denied");
});

test("the inbox, its dialogs and the request page have no accessibility violations", async ({ request, signInAs }) => {
  const world = await seed(request, {
    people: { ana: "APPROVER" },
    groups: { ops: ["ana"] },
    scopes: { deploy: { group: "ops", risk: "MEDIUM" }, prod: { group: "ops", risk: "CRITICAL" } },
  });
  const id = await world.file(["deploy", "prod"], "Restart the stuck payment workers", { contextRef: "CHG-2041", onBehalfOf: ADMIN.email });
  const page = await signInAs(world.people.ana);
  await visit(page, "/requests");
  const row = waitingForYou(page).getByRole("row", { name: world.agent.name });
  await expect(row).toContainText("CHG-2041");
  await expect(row).toContainText(`on behalf of ${ADMIN.name}`);
  await expectNoAxeViolations(page);

  await page.keyboard.press("j");
  await expectNoAxeViolations(page);
  await row.getByRole("button", { name: "Approve" }).click();
  await expectNoAxeViolations(page, '[role="dialog"]');
  await page.keyboard.press("Escape");
  await row.getByRole("button", { name: "Deny" }).click();
  await expectNoAxeViolations(page, '[role="dialog"]');
  await page.keyboard.press("Escape");

  await visit(page, `/requests/${id}`);
  await expect(page.getByRole("heading", { name: `Request from ${world.agent.name}` })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("j and k move the selection, a approves and d denies the selected request", async ({ request, signInAs }) => {
  const world = await seed(request, { people: { kai: "APPROVER" }, groups: { ops: ["kai"] }, scopes: { deploy: { group: "ops", risk: "MEDIUM" } } });
  const firstId = await world.file(["deploy"], "First: rotate the deploy key");
  const secondId = await world.file(["deploy"], "Second: read the billing export");
  const page = await signInAs(world.people.kai);
  await visit(page, "/requests");
  await expect(page.getByRole("main")).toContainText("j k select");
  const first = waitingForYou(page).getByRole("row").filter({ hasText: "First: rotate the deploy key" });
  const second = waitingForYou(page).getByRole("row").filter({ hasText: "Second: read the billing export" });

  await page.keyboard.press("j");
  await expect(first).toHaveAttribute("aria-selected", "true");
  await expect(first).toBeFocused();
  await page.keyboard.press("j");
  await expect(second).toHaveAttribute("aria-selected", "true");
  await expect(first).toHaveAttribute("aria-selected", "false");
  await page.keyboard.press("k");
  await expect(first).toHaveAttribute("aria-selected", "true");

  await page.keyboard.press("a");
  const approveDialog = page.getByRole("dialog", { name: `Approve the request from ${world.agent.name}` });
  await expect(approveDialog).toContainText("First: rotate the deploy key");
  await expect(approveDialog.getByRole("button", { name: "Approve" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(approveDialog).toBeHidden();
  await expect(page.getByText(`Approved the request from ${world.agent.name}; the grant is issued.`)).toBeVisible();
  await expect(first).toHaveCount(0);
  await expect(second).toHaveAttribute("aria-selected", "true");

  await page.keyboard.press("d");
  const denyDialog = page.getByRole("dialog", { name: `Deny the request from ${world.agent.name}` });
  await expect(denyDialog).toContainText("Second: read the billing export");
  await expect(denyDialog.getByLabel("Reason")).toBeFocused();
  // Typed into the reason, these letters are text: no selection moves, no second dialog opens.
  await page.keyboard.type("jk: the export job already has access");
  await expect(denyDialog.getByLabel("Reason")).toHaveValue("jk: the export job already has access");
  await denyDialog.getByRole("button", { name: "Deny" }).click();
  await expect(page.getByText(`Denied the request from ${world.agent.name}.`)).toBeVisible();
  await expect(second).toHaveCount(0);

  expect((await world.asAgentSees(firstId)).status).toBe("APPROVED");
  expect((await world.asAgentSees(secondId)).status).toBe("DENIED");
});

test.describe("attention and truthful counts", () => {
  // Several people sign in and the live stream is awaited more than once per test.
  test.describe.configure({ timeout: 90_000 });

  test("a commander's own approval of a critical authority request is shown but not counted: 0 of 1, needs 1 more", async ({ request, signInAs }) => {
    const world = await seed(request, { people: { cleo: "APPROVER" }, groups: { ops: ["cleo"] }, scopes: { prod: { group: "ops", risk: "CRITICAL" } } });
    // The admin opens the incident (and so commands it) and hands the agent critical authority: a second person must approve.
    const incident = await adminPost<{ id: string }>(request, "/api/v1/incidents", { title: `Checkout down ${world.agent.name}`, severity: "SEV1" });
    const granted = await adminPost<{ outcome: string; requestId: string }>(request, `/api/v1/incidents/${incident.id}/grants`, {
      agentId: world.agent.id,
      scopes: [world.scopes.prod],
      durationSeconds: 600,
      reason: "Restart the checkout workers",
    });
    expect(granted.outcome).toBe("awaiting_second_approval");

    const page = await signInAs(world.people.cleo);
    await visit(page, "/requests");
    const row = waitingForYou(page).getByRole("row", { name: world.agent.name });
    await expect(row).toContainText(/0 of 1 — needs 1 more from e2e-ops-/);
    await expect(row).toContainText(`approved by ${ADMIN.name}, who filed it — not counted`);
    await expect(row).not.toContainText("1 of 1");

    await visit(page, `/requests/${granted.requestId}`);
    await expect(page.getByRole("definition").filter({ hasText: /^0 of 1 — needs 1 more from e2e-ops-/ })).toBeVisible();
    await expect(page.getByRole("table", { name: "Approvals" }).getByRole("row", { name: ADMIN.name })).toContainText("filed the request — not counted");
  });

  test("requests that arrive live are highlighted and sorted by risk; the tab title counts them on every page; the nav shows a dot until the inbox is opened", async ({
    request,
    signInAs,
  }) => {
    const world = await seed(request, {
      people: { ivy: "APPROVER" },
      groups: { ops: ["ivy"] },
      scopes: { logs: { group: "ops", risk: "LOW" }, prod: { group: "ops", risk: "CRITICAL" } },
    });
    const page = await signInAs(world.people.ivy);
    await visit(page, "/requests");
    await expect(page.getByText("Nothing is waiting for your decision.")).toBeVisible();
    await expect(page).toHaveTitle("Requests · Baton");

    await world.file(["logs"], "Read the ingest logs");
    await world.file(["prod"], "Restart the stuck workers");
    const rows = waitingForYou(page).getByRole("row", { name: world.agent.name });
    const criticalRow = rows.filter({ hasText: "Restart the stuck workers" });
    await expect(criticalRow).toHaveAttribute("data-fresh", "true");
    await expect(criticalRow).toContainText("New");
    await expect(rows).toHaveCount(2);
    await expect(rows.first()).toContainText("Restart the stuck workers"); // the critical one first, though filed later
    await expect(page).toHaveTitle("(2) Requests · Baton");
    await expect(criticalRow).not.toHaveAttribute("data-fresh", /.*/, { timeout: 15_000 });

    await visit(page, "/grants");
    await expect(page).toHaveTitle("(2) Grants · Baton");
    const unreadDot = page.getByRole("navigation", { name: "Main" }).getByRole("img", { name: "new requests for you" });
    await expect(unreadDot).toHaveCount(0);
    await world.file(["logs"], "Rotate the ingest credentials");
    await expect(unreadDot).toBeVisible();
    await expect(page).toHaveTitle("(3) Grants · Baton");
    await visit(page, "/requests");
    await expect(waitingForYou(page).getByRole("row", { name: world.agent.name })).toHaveCount(3);
    await visit(page, "/grants");
    await expect(page).toHaveTitle("(3) Grants · Baton");
    await expect(unreadDot).toHaveCount(0);
  });

  test("an open decision dialog follows its request: when someone else denies it, the dialog says who and why and no longer approves", async ({
    request,
    signInAs,
  }) => {
    const world = await seed(request, {
      people: { ann: "APPROVER", ben: "APPROVER" },
      groups: { ops: ["ann", "ben"] },
      scopes: { deploy: { group: "ops", risk: "MEDIUM" } },
    });
    const id = await world.file(["deploy"]);
    const [ann, ben] = await Promise.all([signInAs(world.people.ann), signInAs(world.people.ben)]);
    await visit(ann, "/requests");
    await waitingForYou(ann).getByRole("row", { name: world.agent.name }).getByRole("button", { name: "Approve" }).click();
    const dialog = ann.getByRole("dialog");
    await dialog.getByLabel("Comment (optional)").fill("Looks fine to me");

    await visit(ben, `/requests/${id}`);
    await ben.getByRole("button", { name: "Deny" }).click();
    await ben.getByRole("dialog").getByLabel("Reason").fill("Not during the release freeze");
    await ben.getByRole("dialog").getByRole("button", { name: "Deny" }).click();
    await expect(ben.getByText(`Denied the request from ${world.agent.name}.`)).toBeVisible();

    await expect(dialog.getByRole("alert")).toContainText(`${world.people.ben.name} denied this request: “Not during the release freeze”`);
    await expect(dialog.getByRole("button", { name: "Approve" })).toBeDisabled();

    // A decision sent anyway is refused with a 409 naming the decider.
    const late = await ann.request.post(`${MAIN_URL}/api/ui/requests/${id}/decision`, { headers: { origin: MAIN_URL }, data: { decision: "approve" } });
    expect(late.status()).toBe(409);
    expect(((await late.json()) as { detail: string }).detail).toBe(
      `The request is already denied, by ${world.people.ben.name}: Not during the release freeze`,
    );
  });

  test("with a stale sign-in the dialog asks to sign in again first, and reopens filled in after it", async ({ request, signInAs }) => {
    const world = await seed(request, { people: { carl: "APPROVER" }, groups: { ops: ["carl"] }, scopes: { prod: { group: "ops", risk: "CRITICAL" } } });
    const id = await world.file(["prod"]);
    const page = await signInAs(world.people.carl);
    // A session here is always minutes old and the server's clock cannot be moved: the request as the
    // page reads it is played back with a sign-in window that has closed (the server check is covered by
    // tests/integration/decide-request.test.ts). The re-authentication round trip is real.
    const stale = new Date(Date.now() - 60_000).toISOString();
    await page.route(`**/api/ui/requests/${id}`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, json: { ...((await response.json()) as object), freshSignInUntil: stale } });
    });
    await visit(page, `/requests/${id}`);
    await page.getByRole("button", { name: "Approve" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("button", { name: "Sign in again to approve" })).toBeVisible();
    await dialog.getByLabel("Duration").selectOption({ label: "15 min" });
    await dialog.getByLabel("Comment (optional)").fill("Checked the rollback plan");
    await page.unroute(`**/api/ui/requests/${id}`);
    await dialog.getByRole("button", { name: "Sign in again to approve" }).click();

    await expect(page).toHaveURL(/\/sign-in\?reauth=1/);
    await page.getByLabel("Email").fill(world.people.carl.email);
    await page.getByLabel("Password").fill(world.people.carl.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`${MAIN_URL}/requests/${id}`);
    const reopened = page.getByRole("dialog");
    await expect(reopened.getByLabel("Comment (optional)")).toHaveValue("Checked the rollback plan");
    await expect(reopened.getByLabel("Duration")).toHaveValue("900");
    await reopened.getByRole("button", { name: "Approve" }).click();
    await expect(page.getByText(`Approved the request from ${world.agent.name}; the grant is issued.`)).toBeVisible();
    const granted = await world.asAgentSees(id);
    expect(granted.status).toBe("APPROVED");
    expect(granted.grant!.secondsRemaining).toBeLessThanOrEqual(900);
  });

  test("on a phone the inbox is a list of cards with Approve and Deny in reach, without scrolling sideways", async ({ request, signInAs }) => {
    const world = await seed(request, { people: { pam: "APPROVER" }, groups: { ops: ["pam"] }, scopes: { deploy: { group: "ops", risk: "HIGH" } } });
    await world.file(["deploy"], "Ship the hotfix for the payment retries");
    const page = await signInAs(world.people.pam);
    await page.setViewportSize({ width: 390, height: 844 });
    await visit(page, "/requests");
    const card = page.getByRole("list", { name: "Waiting for you" }).getByRole("listitem").filter({ hasText: world.agent.name });
    await expect(card).toContainText("Ship the hotfix for the payment retries");
    await expect(card).toContainText(/0 of 1 — needs 1 more from e2e-ops-/);
    for (const name of [`Approve the request from ${world.agent.name}`, `Deny the request from ${world.agent.name}`]) {
      const button = card.getByRole("button", { name });
      await expect(button).toBeInViewport();
      const box = (await button.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    const main = page.getByRole("main");
    expect(await main.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    await card.getByRole("button", { name: `Approve the request from ${world.agent.name}` }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Approve" }).click();
    await expect(page.getByText(`Approved the request from ${world.agent.name}; the grant is issued.`)).toBeVisible();
  });
});

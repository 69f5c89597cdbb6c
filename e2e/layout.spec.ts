import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { ADMIN, MAIN_URL, adminPost, freshSuffix, signIn } from "./fixtures";

/** Phone, laptop and desktop. */
const WIDTHS = [390, 1280, 1440];
type Role = "ADMIN" | "APPROVER" | "COMMANDER" | "VIEWER";

/**
 * One of everything a detail page shows — an agent with a live grant and a pending request, an incident
 * and a webhook endpoint — and a person for each role other than admin, who is in the approver group.
 */
async function seed(request: APIRequestContext) {
  const suffix = freshSuffix();
  const people = Object.fromEntries(
    (["APPROVER", "COMMANDER", "VIEWER"] as const).map((role) => [
      role,
      { email: `${role.toLowerCase()}-${suffix}@e2e.baton.dev`, password: `layout-password-${suffix}`, name: `Layout ${role.toLowerCase()} ${suffix}` },
    ]),
  ) as Record<Exclude<Role, "ADMIN">, { email: string; password: string; name: string }>;
  for (const [role, person] of Object.entries(people)) await adminPost(request, "/api/v1/admin/users", { ...person, role });
  const group = `e2e-layout-${suffix}`;
  await adminPost(request, "/api/v1/admin/groups", { name: group, memberEmails: [people.APPROVER.email, people.COMMANDER.email] });
  // Long keys and names on purpose: the tables must fit them, not the other way round.
  const auto = `e2e.layout-automatically-approved-${suffix}:read`;
  const gated = `e2e.layout-needs-an-approver-${suffix}:write`;
  await adminPost(request, "/api/v1/admin/scopes", {
    key: auto,
    description: "Read the nightly export of every ledger",
    risk: "LOW",
    maxDurationSeconds: 7200,
    autoApprove: true,
  });
  await adminPost(request, "/api/v1/admin/scopes", {
    key: gated,
    description: "Write to the production ledger",
    risk: "HIGH",
    maxDurationSeconds: 3600,
    approverGroup: group,
  });
  const agent = await adminPost<{ id: string }>(request, "/api/v1/admin/agents", {
    name: `e2e-layout-reconciliation-agent-${suffix}`,
    ownerEmail: ADMIN.email,
    eligibleScopes: [auto, gated],
  });
  const { key } = await adminPost<{ key: string }>(request, `/api/v1/admin/agents/${agent.id}/keys`, {});
  const file = async (scope: string) => {
    const response = await request.post(`${MAIN_URL}/api/v1/access-requests`, {
      headers: { authorization: `Bearer ${key}` },
      data: { scopes: [scope], justification: "Reconcile the ledger after the nightly export failed half-way through", durationSeconds: 1800 },
    });
    expect(response.status(), await response.text()).toBe(201);
    return (await response.json()) as { id: string; grant: { id: string } | null };
  };
  const granted = await file(auto);
  const pending = await file(gated);
  const incident = await adminPost<{ id: string }>(request, "/api/v1/incidents", {
    title: `Ledger writes fail for every tenant in the EU region ${suffix}`,
    severity: "SEV2",
  });
  const webhook = await adminPost<{ id: string }>(request, "/api/v1/admin/webhooks", {
    url: `https://hooks.example.com/baton/layout-${suffix}`,
    eventTypes: ["grant.revoked"],
  });
  const routes = [
    "/",
    "/requests",
    `/requests/${pending.id}`,
    "/grants",
    `/grants/${granted.grant!.id}`,
    "/incidents",
    `/incidents/${incident.id}`,
    "/agents",
    `/agents/${agent.id}`,
    "/audit",
    "/scopes",
    "/groups",
    "/policies",
    "/policies/new",
    "/resource-servers",
    "/credential-providers",
    "/webhooks",
    `/webhooks/${webhook.id}`,
    "/users",
    "/profile",
  ];
  return { people, routes };
}

/** Waits until the page is hydrated and following the event stream; generous, as the first stream of a new browser context can take a while on a busy machine. */
async function waitUntilLive(page: Page) {
  await expect(page.getByRole("status", { name: "Live updates: Live" })).toBeVisible({ timeout: 15_000 });
}

async function pageAs(browser: Browser, person: { email: string; password: string } | null, colorScheme: "light" | "dark" = "light") {
  const context = await browser.newContext({
    baseURL: MAIN_URL,
    colorScheme,
    storageState: person ? { cookies: [], origins: [] } : "playwright/.auth/admin.json",
  });
  const page = await context.newPage();
  if (person) await signIn(page, person);
  return page;
}

/** Every page at every width; names each page that scrolls sideways and the elements that stick out. */
async function expectNothingScrollsSideways(page: Page, routes: string[]) {
  const overflowing: string[] = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    for (const route of routes) {
      const response = await page.goto(route);
      expect([200, 403], `${route} answered ${response?.status()}`).toContain(response?.status());
      await waitUntilLive(page);
      const fit = await page.evaluate(() => {
        const offenders = [...document.querySelectorAll("body *")]
          .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5)
          .slice(0, 3)
          .map((element) => `${element.tagName.toLowerCase()}.${String(element.getAttribute("class") ?? "").slice(0, 60)}`);
        return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, offenders };
      });
      if (fit.scrollWidth > fit.innerWidth) overflowing.push(`${width}px ${route}: ${fit.scrollWidth} > ${fit.innerWidth} (${fit.offenders.join(", ")})`);
    }
  }
  expect(overflowing).toEqual([]);
}

test.describe("every page fits the screen without scrolling sideways", () => {
  test.describe.configure({ timeout: 300_000 });

  for (const role of ["ADMIN", "APPROVER", "COMMANDER", "VIEWER"] as const) {
    test(`as ${role.toLowerCase()}`, async ({ browser, request }) => {
      const world = await seed(request);
      const page = await pageAs(browser, role === "ADMIN" ? null : world.people[role]);
      try {
        await expectNothingScrollsSideways(page, world.routes);
      } finally {
        await page.context().close();
      }
    });
  }

  test("in dark mode, following the system", async ({ browser, request }) => {
    const world = await seed(request);
    const page = await pageAs(browser, null, "dark");
    try {
      await page.goto("/");
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe("dark");
      await expectNothingScrollsSideways(page, world.routes);
    } finally {
      await page.context().close();
    }
  });
});

test("the theme menu switches at once and the choice outlives a reload", async ({ page }) => {
  await page.goto("/");
  const colorScheme = () => page.evaluate(() => getComputedStyle(document.documentElement).colorScheme);
  expect(await colorScheme()).toBe("light");
  const user = page.getByRole("group", { name: "Signed-in user" });
  await user.getByRole("button").click();
  await page.getByRole("menuitemradio", { name: "Dark" }).click();
  expect(await colorScheme()).toBe("dark");
  await page.keyboard.press("Escape");
  await page.reload();
  expect(await colorScheme()).toBe("dark");
  await user.getByRole("button").click();
  await expect(page.getByRole("menuitemradio", { name: "Dark" })).toHaveAttribute("aria-checked", "true");
  await page.getByRole("menuitemradio", { name: "Same as the system" }).click();
  expect(await colorScheme()).toBe("light");
});

test("keyboard: the skip link comes first and lands on the content; the phone menu opens, moves and closes by keys", async ({ page }) => {
  await page.goto("/grants");
  await waitUntilLive(page);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("banner").locator(":focus")).toHaveCount(0);

  await page.setViewportSize({ width: 390, height: 800 });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await page.getByRole("button", { name: "Menu" }).focus();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu");
  for (const label of [
    "Overview",
    "Requests",
    "Grants",
    "Incidents",
    "Agents",
    "Audit",
    "Scopes",
    "Groups",
    "Policies",
    "Schedules",
    "Resource servers",
    "Credential providers",
    "Webhooks",
    "Incident tools",
    "Users",
  ])
    await expect(menu.getByRole("menuitem", { name: label, exact: true })).toBeVisible();
  await expect(menu.getByRole("menuitem", { name: "Grants", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(menu.getByRole("menuitem", { name: "Overview", exact: true })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: "Requests", exact: true })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/requests$/);
  await expect(page.getByRole("menu")).toHaveCount(0);
});

test("a viewer meets one forbidden page, naming the role it needs, and no decision shortcuts", async ({ browser, request }) => {
  const suffix = freshSuffix();
  const viewer = { email: `viewer-forbidden-${suffix}@e2e.baton.dev`, password: `viewer-password-${suffix}`, name: `Vi ${suffix}` };
  await adminPost(request, "/api/v1/admin/users", { ...viewer, role: "VIEWER" });
  const page = await pageAs(browser, viewer);
  for (const [path, roles] of [
    ["/users", "admin"],
    ["/webhooks", "admin"],
    ["/credential-providers", "admin"],
    ["/audit", "approver, commander or admin"],
  ] as const) {
    expect((await page.goto(path))?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Not open to your role" })).toBeVisible();
    await expect(page.getByText(`You need the ${roles} role to open this page.`)).toBeVisible();
    await expect(page.getByRole("link", { name: "Back to the overview" })).toHaveAttribute("href", "/");
  }
  await page.goto("/requests");
  await waitUntilLive(page);
  await expect(page.getByText("a approve", { exact: true })).toHaveCount(0);
  await expect(page.getByRole("main").getByRole("button", { name: /^(Approve|Deny|Revoke)\b/ })).toHaveCount(0);
  await page.context().close();
});

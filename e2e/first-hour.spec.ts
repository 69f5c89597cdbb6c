import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { runPastedCommand } from "./cli";
import { EXPECTED_DATABASE, FRESH_URL, readSetupLink, signOut } from "./fixtures";

// The fresh server starts with an empty database and prints one set-up link: these tests are one story,
// in order, from that link to a first approved request.
test.describe.configure({ mode: "serial" });
test.use({ storageState: { cookies: [], origins: [] } });

const GRACE = { name: "Grace Hopper", email: "grace@example.com", password: "grace-admin-password" };
const OWNER = { name: "Olivia Owner", email: "olivia@example.com" };
const GROUP = "first-approvers";
const SCOPE = "deploy:write";
const AGENT = "first-bot";

let page: Page;

test.beforeAll(async ({ browser }) => {
  page = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
});

test.afterAll(async () => {
  await page.context().close();
});

const checklistOf = (on: Page) => on.getByRole("region", { name: "Get started" });
const stepOf = (checklist: Locator, title: string) => checklist.getByRole("listitem").filter({ hasText: title });

async function expectNoAxeViolations(on: Page) {
  expect((await new AxeBuilder({ page: on }).analyze()).violations).toEqual([]);
}

async function followStep(title: string, link: string) {
  await page.goto(`${FRESH_URL}/`);
  const step = stepOf(checklistOf(page), title);
  await expect(step).toContainText(`To do: ${title}`);
  await step.getByRole("link", { name: link }).click();
}

async function expectDone(title: string) {
  await page.goto(`${FRESH_URL}/`);
  await expect(stepOf(checklistOf(page), title)).toContainText(`Done: ${title}`);
}

test("before set-up, the sign-in page says that no admin exists and where the set-up link is printed", async ({ request }) => {
  const health = await request.get(`${FRESH_URL}/api/health`);
  expect(await health.json()).toMatchObject({ status: "ok", database: EXPECTED_DATABASE, migrations: "up-to-date" });
  // Background jobs start with the server (instrumentation.ts), without holding up its first answers.
  await expect.poll(async () => (await (await request.get(`${FRESH_URL}/api/health`)).json()).jobs.state, { timeout: 15_000 }).toBe("running");

  // With no user, every page sends the visitor to sign-in, which has nothing to sign in to: there is no default password.
  await page.goto(`${FRESH_URL}/`);
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("heading", { name: "No admin exists yet" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("one-time set-up link Baton printed when it started");
  await expect(page.getByRole("main")).toContainText("Restart Baton: while no user exists, it prints a fresh one.");
  await expect(page.getByLabel("Password")).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("the printed set-up link creates the first admin, once, and signs them in", async () => {
  const link = await readSetupLink();
  expect(link.startsWith(FRESH_URL)).toBe(true);
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Create the first admin" })).toBeVisible();

  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page.getByText("Enter your name")).toBeVisible();

  await page.getByLabel("Name").fill(GRACE.name);
  await page.getByLabel("Email").fill("Grace@Example.com");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page.getByText("Use at least 12 characters")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue(GRACE.name);
  // React resets the form once the refused submission's state has rendered, clearing the password (never
  // echoed back): typing before that reset would be wiped.
  await expect(page.getByLabel("Password")).toHaveValue("");

  await page.getByLabel("Password").fill(GRACE.password);
  await page.getByRole("button", { name: "Create admin account" }).click();
  // Signed in at once: the overview, not the sign-in page. (Creating the account and signing in hash the
  // password twice with scrypt, which a loaded machine takes a while over.)
  await expect(page).toHaveURL(`${FRESH_URL}/`, { timeout: 20_000 });
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  const user = page.getByRole("group", { name: "Signed-in user" });
  await expect(user).toContainText(GRACE.name);
  await expect(user.getByLabel("Role: admin")).toBeVisible();
  await expect(page.getByRole("cell", { name: "setup.completed" })).toBeVisible();
  await expect(checklistOf(page)).toContainText("0 of 7 done");

  // The link is spent.
  await page.goto(link);
  await expect(page.getByRole("alert").filter({ hasText: "invalid, already used or expired" })).toBeVisible();
});

test("following the checklist alone leads from the set-up to a first approved request", async () => {
  // Seven steps through the real UI and a real CLI run: more than the default budget on a busy machine.
  test.slow();
  await followStep("Create an approver group with you in it", "Create a group");
  await expect(page.getByText("No approver group exists yet.")).toBeVisible();
  await page.getByRole("button", { name: "New group" }).click();
  const groupDialog = page.getByRole("dialog", { name: "New approver group" });
  await groupDialog.getByLabel("Name").fill(GROUP);
  await groupDialog.getByLabel("Member emails").fill(GRACE.email);
  await groupDialog.getByRole("button", { name: "Create group" }).click();
  await expect(groupDialog).toBeHidden();
  await expectDone("Create an approver group with you in it");

  await followStep("Add a scope that your group decides", "Add a scope");
  await expect(page.getByText("The catalog is empty.")).toBeVisible();
  await page.getByRole("button", { name: "New scope" }).click();
  const scopeDialog = page.getByRole("dialog", { name: "New scope" });
  await scopeDialog.getByLabel("Key").fill(SCOPE);
  await scopeDialog.getByLabel("Approver group").selectOption(GROUP);
  await scopeDialog.getByRole("button", { name: "Create scope" }).click();
  await expect(scopeDialog).toBeHidden();
  await expectDone("Add a scope that your group decides");

  await followStep("Invite the person who owns the agent", "Invite the owner");
  await page.getByRole("button", { name: "Invite user" }).click();
  const inviteDialog = page.getByRole("dialog", { name: "Invite user" });
  await inviteDialog.getByLabel("Name").fill(OWNER.name);
  await inviteDialog.getByLabel("Email").fill(OWNER.email);
  await inviteDialog.getByRole("button", { name: "Create invitation" }).click();
  await inviteDialog.getByRole("button", { name: "Done" }).click();
  await expectDone("Invite the person who owns the agent");

  await followStep("Register an agent they own, eligible for the scope", "Register an agent");
  await expect(page.getByText("No agent is registered yet.")).toBeVisible();
  await page.getByRole("button", { name: "Register agent" }).click();
  const agentDialog = page.getByRole("dialog", { name: "Register agent" });
  await agentDialog.getByLabel("Name").fill(AGENT);
  await agentDialog.getByLabel("Owner email").fill(OWNER.email);
  await agentDialog.getByRole("checkbox", { name: SCOPE }).check();
  await agentDialog.getByRole("button", { name: "Register agent" }).click();
  await expect(page.getByRole("heading", { name: AGENT })).toBeVisible();
  await expectDone("Register an agent they own, eligible for the scope");

  await followStep("Issue the agent a key", `Issue a key to ${AGENT}`);
  await expect(page.getByText("No keys yet.")).toBeVisible();
  await page.getByRole("button", { name: "Issue key" }).click();
  const keyDialog = page.getByRole("dialog", { name: "Issue key" });
  await keyDialog.getByRole("button", { name: "Issue key" }).click();
  const agentKey = await keyDialog.getByLabel("New agent key").inputValue();
  expect(agentKey).toMatch(/^baton_/);
  await keyDialog.getByRole("button", { name: "Done" }).click();
  await expectDone("Issue the agent a key");

  // The command is copied from the checklist and pasted into a shell with the agent's key set; it waits for the decision.
  const checklist = checklistOf(page);
  await expect(checklist).toContainText("5 of 7 done");
  const command = (await checklist.getByLabel("Command to file a first request").textContent()) ?? "";
  expect(command).toContain(`BATON_URL=${FRESH_URL} npx baton request --scope ${SCOPE}`);
  await expectNoAxeViolations(page);
  // The long command scrolls inside its own box on a phone-sized window; the checklist never widens the page.
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await checklist.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
  await page.setViewportSize({ width: 1280, height: 720 });
  const run = runPastedCommand(command, { BATON_API_KEY: agentKey });

  // The open overview ticks the step off live, without a reload, and leads to the request.
  const filed = stepOf(checklist, "File a request as the agent");
  await expect(filed).toContainText("Done: File a request as the agent", { timeout: 20_000 });
  await expect(checklist).toContainText("6 of 7 done");

  // A second tab keeps the overview open while the first approves.
  const watcher = await page.context().newPage();
  await watcher.goto(`${FRESH_URL}/`);
  await expect(checklistOf(watcher)).toContainText("6 of 7 done");

  await stepOf(checklist, "Approve it in the inbox").getByRole("link", { name: "Review the request" }).click();
  await page.getByRole("button", { name: "Approve" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Approve" }).click();
  await expect(page.getByText(`Approved the request from ${AGENT}; the grant is issued.`)).toBeVisible();

  const result = await run;
  expect(result.code, result.stderr).toBe(0);
  expect(result.stdout).toMatch(/grt_/);

  const watched = checklistOf(watcher);
  await expect(stepOf(watched, "Approve it in the inbox")).toContainText("Done: Approve it in the inbox");
  await expect(watched).toContainText("Baton is set up");
  await watched.getByRole("button", { name: "Dismiss" }).click();
  await expect(watched).toBeHidden();
  // Past its first hour, the installation's overview no longer shows the checklist.
  await watcher.reload();
  await expect(watcher.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(checklistOf(watcher)).toHaveCount(0);
  await watcher.close();
});

test("the admin signs out, and every page asks them to sign in again", async () => {
  await page.goto(`${FRESH_URL}/`);
  await signOut(page);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.goto(`${FRESH_URL}/`);
  await expect(page).toHaveURL(/\/sign-in/);
});

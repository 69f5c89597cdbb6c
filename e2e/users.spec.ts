import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { ADMIN, ADMIN_TOKEN, MAIN_URL, freshSuffix, signIn } from "./fixtures";

const TOKEN_PATTERN = /^batonpat_[A-Za-z0-9_-]{43}$/;

/** A person with a password, made through the admin API; names no earlier test in this run has used. */
async function createPerson(request: APIRequestContext, role: "VIEWER" | "APPROVER" = "VIEWER") {
  const suffix = freshSuffix();
  const person = { email: `person-${suffix}@e2e.baton.dev`, name: `Person ${suffix}`, password: `password-${suffix}` };
  const response = await request.post("/api/v1/admin/users", { headers: { authorization: `Bearer ${ADMIN_TOKEN}` }, data: { ...person, role } });
  expect(response.status()).toBe(201);
  return person;
}

/** A browser context of the person's own, signed in as them. */
async function signedInAs(browser: Browser, person: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, baseURL: MAIN_URL });
  const page = await context.newPage();
  await signIn(page, person);
  return page;
}

const rowOf = (page: Page, email: string) => page.getByRole("table", { name: "Users" }).getByRole("row", { name: new RegExp(email.replace(/[.]/g, "\\.")) });

test("an admin invites a person and sees the invitation link exactly once", async ({ page, browser }) => {
  const email = `invited-${Date.now().toString(36)}@e2e.baton.dev`;
  await page.goto("/users");
  await page.getByRole("button", { name: "Invite user" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite user" });
  await dialog.getByLabel("Name").fill("Ivy Invited");
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByLabel("Role").selectOption("APPROVER");
  await dialog.getByRole("button", { name: "Create invitation" }).click();
  await expect(dialog.getByText("Send this link to the person now; it is not shown again.")).toBeVisible();
  const link = await dialog.getByLabel("Invitation link").inputValue();
  expect(link).toMatch(new RegExp(`^${MAIN_URL}/invite/[A-Za-z0-9_-]{43}$`));
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();

  const row = rowOf(page, email);
  await expect(row).toContainText("invitation pending");
  await expect(row).toContainText("approver");
  await page.reload();
  await expect(page.getByText(link)).toHaveCount(0);
  await page.getByRole("button", { name: "Invite user" }).click();
  await expect(page.getByRole("dialog", { name: "Invite user" }).getByLabel("Invitation link")).toHaveCount(0);
  await page.keyboard.press("Escape");

  // The link works once for the person it names, and signs them in.
  const invitee = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await invitee.goto(link);
  await invitee.getByLabel("Password").fill("ivy's long password");
  await invitee.getByRole("button", { name: "Set password" }).click();
  // Choosing the password signs them in: they land on the overview, not on a sign-in form.
  await expect(invitee).toHaveURL(`${MAIN_URL}/`, { timeout: 20_000 });
  await expect(invitee.getByRole("heading", { name: "Overview" })).toBeVisible();
  await invitee.goto(link);
  await expect(invitee.getByRole("alert").filter({ hasText: "invalid, already used or expired" })).toBeVisible();
  await invitee.context().close();
});

test("an admin changes a person's role and edits their groups", async ({ page, request }) => {
  const person = await createPerson(request);
  const group = `e2e-users-${Date.now().toString(36)}`;
  expect((await request.post("/api/v1/admin/groups", { headers: { authorization: `Bearer ${ADMIN_TOKEN}` }, data: { name: group } })).status()).toBe(201);
  await page.goto("/users");
  const row = rowOf(page, person.email);
  await expect(row).toContainText("viewer");

  await row.getByRole("button", { name: `Change role of ${person.email}` }).click();
  const roleDialog = page.getByRole("dialog", { name: `Change the role of ${person.name}` });
  await roleDialog.getByLabel("Role").selectOption("APPROVER");
  await roleDialog.getByRole("button", { name: "Save role" }).click();
  await expect(roleDialog).toBeHidden();
  await expect(row).toContainText("approver");

  await row.getByRole("button", { name: `Edit groups of ${person.email}` }).click();
  const groupsDialog = page.getByRole("dialog", { name: `Approver groups of ${person.name}` });
  await groupsDialog.getByRole("checkbox", { name: group }).check();
  await groupsDialog.getByRole("button", { name: "Save groups" }).click();
  await expect(groupsDialog).toBeHidden();
  await expect(row).toContainText(group);

  // The admin's own row offers neither a role change nor disablement.
  const own = rowOf(page, ADMIN.email);
  await expect(own.getByRole("button", { name: /Change role/ })).toHaveCount(0);
  await expect(own.getByRole("button", { name: /Disable/ })).toHaveCount(0);
});

test("disabling a person signs them out on their next request; enabling lets them sign in again", async ({ page, request, browser }) => {
  const person = await createPerson(request);
  const theirs = await signedInAs(browser, person);

  await page.goto("/users");
  const row = rowOf(page, person.email);
  await row.getByRole("button", { name: `Disable ${person.email}` }).click();
  const confirm = page.getByRole("alertdialog", { name: `Disable ${person.email}?` });
  await confirm.getByRole("button", { name: "Disable user" }).click();
  await expect(confirm).toBeHidden();
  await expect(row).toContainText("disabled");

  await theirs.goto("/");
  await expect(theirs).toHaveURL(/\/sign-in/);
  await theirs.getByLabel("Email").fill(person.email);
  await theirs.getByLabel("Password").fill(person.password);
  await theirs.getByRole("button", { name: "Sign in" }).click();
  await expect(theirs.getByRole("alert").filter({ hasText: "The email or password is not correct." })).toBeVisible();

  await row.getByRole("button", { name: `Enable ${person.email}` }).click();
  await expect(row).toContainText("active");
  await signIn(theirs, person);
  await theirs.context().close();
});

test("a personal token is shown once and works against the admin API only until it is revoked", async ({ page, request }) => {
  const name = `e2e token ${Date.now().toString(36)}`;
  await page.goto("/profile");
  await page.getByRole("button", { name: "Create token" }).click();
  const dialog = page.getByRole("dialog", { name: "Create personal token" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Expires").selectOption({ label: "In 7 days" });
  await dialog.getByRole("button", { name: "Create token" }).click();
  await expect(dialog.getByText("Store this token now; it is not shown again.")).toBeVisible();
  await expect(dialog.getByLabel("New personal token")).toBeFocused();
  const token = await dialog.getByLabel("New personal token").inputValue();
  expect(token).toMatch(TOKEN_PATTERN);
  await dialog.getByRole("button", { name: "Done" }).click();

  const row = page.getByRole("table", { name: "Personal tokens" }).getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText(`${token.slice(0, 13)}…`);
  await expect(row).toContainText("active");
  await expect(page.getByText(token)).toHaveCount(0);

  const listScopes = () => request.get("/api/v1/admin/scopes", { headers: { authorization: `Bearer ${token}` } });
  expect((await listScopes()).status()).toBe(200);

  await row.getByRole("button", { name: `Revoke token ${name}` }).click();
  const confirm = page.getByRole("alertdialog", { name: `Revoke ${name}?` });
  await confirm.getByRole("button", { name: "Revoke token" }).click();
  await expect(confirm).toBeHidden();
  await expect(row).toContainText("revoked");
  expect((await listScopes()).status()).toBe(401);
});

test("signing out everywhere ends every session of the person, and a new sign-in works at once", async ({ request, browser }) => {
  const person = await createPerson(request);
  const laptop = await signedInAs(browser, person);
  const phone = await signedInAs(browser, person);

  await laptop.goto("/profile");
  await laptop.getByRole("button", { name: "Sign out everywhere" }).click();
  await laptop.getByRole("alertdialog", { name: "Sign out everywhere?" }).getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(laptop).toHaveURL(/\/sign-in/);

  await phone.goto("/profile");
  await expect(phone).toHaveURL(/\/sign-in/);
  await signIn(laptop, person);
  await laptop.goto("/profile");
  await expect(laptop.getByRole("heading", { name: person.name })).toBeVisible();
  await Promise.all([laptop.context().close(), phone.context().close()]);
});

test("?reauth=1 asks a signed-in person to sign in again, then goes where it was going", async ({ page }) => {
  await page.goto("/sign-in?callbackUrl=%2Fprofile");
  await expect(page).toHaveURL(`${MAIN_URL}/profile`);

  await page.goto("/sign-in?reauth=1&callbackUrl=%2Fprofile");
  await expect(page.getByRole("heading", { name: "Sign in again" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Sign in again to continue — approving a critical scope needs a recent sign-in" })).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(`${MAIN_URL}/profile`);
});

test("people who are not admins find no users page", async ({ request, browser }) => {
  const viewer = await signedInAs(browser, await createPerson(request, "APPROVER"));
  await viewer.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Settings" }).click();
  await expect(viewer.getByRole("menuitem", { name: "Scopes" })).toBeVisible();
  await expect(viewer.getByRole("menuitem", { name: "Users" })).toHaveCount(0);
  const response = await viewer.goto("/users");
  expect(response?.status()).toBe(403);
  await expect(viewer.getByText("You need the admin role to open this page.")).toBeVisible();
  await expect(viewer.getByRole("link", { name: "Back to the overview" })).toHaveAttribute("href", "/");
  await viewer.context().close();
});

test("the users and profile pages are accessible", async ({ page }) => {
  for (const path of ["/users", "/profile"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const scan = await new AxeBuilder({ page }).analyze();
    expect(scan.violations, path).toEqual([]);
  }
});

import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { ADMIN, MAIN_URL, adminPost, freshSuffix, openSettingsPage } from "./fixtures";

/**
 * The acceptance path on the local PostgreSQL: an admin registers it as a credential provider and gives a
 * scope `SELECT ON orders` in it, both in the browser; the agent gets its credential (API), reads orders and
 * cannot insert; the grant page shows the credential; revoking the grant there cuts the agent's open
 * session and the password stops working.
 */
test("a PostgreSQL credential minted for a grant reads what was granted and dies with the grant", async ({ page, request }) => {
  test.skip(process.env.CI !== "true" && !(await postgresUp()), "no PostgreSQL on 127.0.0.1:5432");
  const suffix = freshSuffix();
  const database = `baton_e2e_${suffix}`;
  const admin = new pg.Client({ host: "127.0.0.1", port: 5432, user: "postgres", database: "postgres" });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
  const setup = new pg.Client({ host: "127.0.0.1", port: 5432, user: "postgres", database });
  await setup.connect();
  await setup.query("CREATE TABLE orders (id int, item text); INSERT INTO orders VALUES (1, 'tea')");
  await setup.end();
  const provider = `orders-${suffix}`;
  const scope = `orders-db${suffix}:read`;
  let username: string | undefined;
  try {
    await page.goto("/");
    await openSettingsPage(page, "Credential providers");
    await page.getByRole("button", { name: "Register provider" }).click();
    const dialog = page.getByRole("dialog", { name: "Register credential provider" });
    await dialog.getByLabel("Name").fill(provider);
    await dialog.getByLabel("Host").fill("127.0.0.1");
    await dialog.getByLabel("Database").fill(database);
    await dialog.getByRole("button", { name: "Check and register" }).click();
    await expect(dialog).toBeHidden();
    const row = page.getByRole("table", { name: "Credential providers" }).getByRole("row", { name: new RegExp(provider) });
    await expect(row).toContainText("postgres@127.0.0.1:5432");
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

    await openSettingsPage(page, "Scopes");
    await page.getByRole("button", { name: "New scope" }).click();
    const scopeDialog = page.getByRole("dialog", { name: "New scope" });
    await scopeDialog.getByLabel("Key").fill(scope);
    await scopeDialog.getByLabel("Credential provider").selectOption(provider);
    await scopeDialog.getByLabel("Privileges").fill("select on orders");
    await scopeDialog.getByLabel("Auto-approve").check();
    await scopeDialog.getByRole("button", { name: "Create scope" }).click();
    await expect(scopeDialog).toBeHidden();

    const agent = await adminPost<{ id: string }>(request, "/api/v1/admin/agents", {
      name: `e2e-db-bot-${suffix}`,
      ownerEmail: ADMIN.email,
      eligibleScopes: [scope],
    });
    const { key } = await adminPost<{ key: string }>(request, `/api/v1/admin/agents/${agent.id}/keys`, {});
    const asAgent = { authorization: `Bearer ${key}` };
    const filed = await request.post(`${MAIN_URL}/api/v1/access-requests`, {
      headers: asAgent,
      data: { scopes: [scope], justification: "Read the orders", durationSeconds: 600 },
    });
    const grantId = ((await filed.json()) as { grant: { id: string } }).grant.id;
    const issued = await request.post(`${MAIN_URL}/api/v1/grants/${grantId}/credentials`, { headers: asAgent, data: {} });
    expect(issued.status(), await issued.text()).toBe(200);
    const credential = (await issued.json()) as { username: string; url: string; privileges: string[] };
    username = credential.username;
    expect(credential.privileges).toEqual(["SELECT ON orders"]);

    const session = new pg.Client({ connectionString: credential.url });
    session.on("error", () => {});
    await session.connect();
    expect((await session.query("SELECT item FROM orders")).rows).toEqual([{ item: "tea" }]);
    await expect(session.query("INSERT INTO orders VALUES (2, 'coffee')")).rejects.toThrow(/permission denied/);

    await page.goto(`/grants/${grantId}`);
    await expect(page.getByRole("status", { name: "Live updates: Live" })).toBeVisible();
    const credentials = page.getByRole("list", { name: "Credentials of this grant" });
    await expect(credentials.getByRole("listitem")).toContainText(provider);
    await expect(credentials.getByRole("listitem")).toContainText("active");
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await page.getByRole("main").getByRole("button", { name: "Revoke", exact: true }).click();
    const confirm = page.getByRole("alertdialog");
    await confirm.getByLabel("Reason").fill("orders read done");
    await confirm.getByRole("button", { name: "Revoke grant" }).click();
    await expect(confirm).toBeHidden();
    await expect(credentials.getByRole("listitem")).toContainText("removed", { timeout: 10_000 });
    await expect(session.query("SELECT 1")).rejects.toBeDefined();
    const again = new pg.Client({ connectionString: credential.url });
    again.on("error", () => {});
    await expect(again.connect()).rejects.toBeDefined();
    await session.end().catch(() => {});
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database)} WITH (FORCE)`);
    // A failed run may leave the principal behind: it lives in the cluster, not the database.
    if (username) await admin.query(`DROP ROLE IF EXISTS ${pg.escapeIdentifier(username)}`);
    await admin.end();
  }
});

async function postgresUp(): Promise<boolean> {
  const client = new pg.Client({ host: "127.0.0.1", port: 5432, user: "postgres", database: "postgres", connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

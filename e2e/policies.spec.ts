import { expect, test } from "@playwright/test";
import { formatPolicyFile } from "../lib/policy/policy-file";
import { ADMIN_TOKEN, MAIN_URL, adminPost, freshSuffix, signIn } from "./fixtures";

test("an admin writes a policy, fixes what validation finds and proposes it; a second admin approves it and it becomes active", async ({
  page,
  browser,
  request,
}) => {
  const suffix = freshSuffix();
  const second = { email: `policy-admin-${suffix}@e2e.baton.dev`, password: `policy-admin-password-${suffix}`, name: `Pat ${suffix}` };
  await adminPost(request, "/api/v1/admin/users", { ...second, role: "ADMIN" });
  const active = await (await request.get(`${MAIN_URL}/api/v1/admin/policies`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).json();
  const file = formatPolicyFile(active.policies);
  const id = `e2e-no-writes-${suffix}`;
  const policy = (condition: string) =>
    `\n@id("${id}")\n@reason("Nobody writes the e2e ledger")\nforbid (principal, action == Baton::Action::"request", resource == Baton::Scope::"e2e.ledger${suffix}:write")\nwhen { ${condition} };\n`;

  await page.goto("/policies");
  await expect(page.getByRole("region", { name: "Active policy set" })).toContainText(active.hash.slice(0, 12));
  await page.getByRole("link", { name: "Propose a change" }).click();
  const editor = page.getByRole("textbox", { name: "Policy set" });
  await expect(page.getByRole("status").filter({ hasText: "Valid" })).toBeVisible();

  // A typo: Cedar's schema has no such attribute; the problem is placed at the line of the file it is on.
  await editor.click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.insertText(policy("resource.nope"));
  // The problem is marked where it is in the editor, and listed with that line and column.
  await expect(page.locator(".cm-lintRange-error")).toHaveText("resource.nope");
  const lines = await editor.locator(".cm-line").allTextContents();
  const whenLine = lines.findIndex((line) => line.includes("resource.nope")) + 1;
  await expect(page.getByRole("list", { name: "Problems" })).toContainText(`Line ${whenLine}, column 8`);
  await expect(page.getByRole("list", { name: "Problems" })).toContainText(id);
  await expect(page.getByRole("button", { name: "Propose" })).toBeDisabled();

  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.insertText(file + policy('context.now.hour < 6 || resource.risk == "critical"'));
  await expect(page.getByRole("status").filter({ hasText: "Valid" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Problems" })).toHaveCount(0);
  await expect(page.getByRole("list", { name: "Policy changes" })).toContainText(`${id}added`);

  // Simulated against the requests of the last 30 days: a forbid on a scope nobody asked for changes none.
  await page.getByRole("button", { name: "Simulate" }).click();
  await expect(page.getByRole("region", { name: "Simulation result" })).toContainText("none would be decided differently");

  await page.getByLabel("Note").fill(`Close the e2e ledger ${suffix}`);
  await page.getByRole("button", { name: "Propose" }).click();
  await expect(page).toHaveURL(/\/policies\/proposals\/ppr_/);
  await expect(page.getByText("Waiting for another admin to approve")).toBeVisible();
  await expect(page.getByRole("button", { name: "Approve" })).toHaveCount(0);
  const proposalUrl = page.url();
  // The session counts only for same-origin JSON: a cross-site POST carrying the cookie is refused.
  const crossSite = await page.request.post(`/api/v1/admin/policy-proposals/${proposalUrl.split("/").pop()}/reject`, {
    headers: { origin: "https://elsewhere.example" },
    data: {},
  });
  expect(crossSite.status()).toBe(403);

  const other = await browser.newContext({ baseURL: MAIN_URL, storageState: { cookies: [], origins: [] } });
  const otherPage = await other.newPage();
  await signIn(otherPage, second);
  await otherPage.goto(proposalUrl);
  await expect(otherPage.getByRole("list", { name: "Policy changes" })).toContainText(id);
  await expect(otherPage.getByRole("region", { name: "Simulation result" })).toContainText("Replayed");
  await otherPage.getByRole("button", { name: "Approve" }).click();
  await expect(otherPage.getByRole("heading", { name: /Policy proposal/ })).toContainText("approved");
  await other.close();

  // The proposer's page follows live; the Policies page shows the new version.
  await expect(page.getByRole("heading", { name: /Policy proposal/ })).toContainText("approved");
  await page.goto("/policies");
  const card = page.getByRole("region", { name: "Active policy set" });
  await expect(card).toContainText(second.name);
  await expect(card).toContainText(`Close the e2e ledger ${suffix}`);
  await expect(page.getByRole("list", { name: "Active policies" })).toContainText(id);
});

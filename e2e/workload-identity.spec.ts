import { expect, test } from "@playwright/test";
import { ADMIN, ADMIN_TOKEN, adminPost, freshSuffix } from "./fixtures";

test("an admin registers an issuer, binds an agent to a workload identity and requires federation, on the agent page", async ({ page, request }) => {
  const suffix = freshSuffix();
  const agent = await adminPost<{ id: string }>(request, "/api/v1/admin/agents", { name: `e2e-wif-${suffix}`, ownerEmail: ADMIN.email, eligibleScopes: [] });
  await page.goto(`/agents/${agent.id}`);
  await expect(page.getByText("No workload identities.")).toBeVisible();

  await page.getByRole("button", { name: "Register issuer" }).click();
  const register = page.getByRole("dialog", { name: "Register a workload issuer" });
  await register.getByLabel("Name").fill(`gh-${suffix}`);
  await register.getByLabel("Issuer").fill(`https://issuer-${suffix}.e2e.test`);
  await register.getByLabel("Audience").fill("https://baton.e2e.test");
  await register.getByRole("button", { name: "Register issuer" }).click();
  await expect(register).toBeHidden();

  await page.getByRole("button", { name: "Bind identity" }).click();
  const bind = page.getByRole("dialog", { name: "Bind a workload identity" });
  await bind.getByLabel("Issuer").selectOption({ label: `gh-${suffix} (https://issuer-${suffix}.e2e.test)` });
  await bind.getByRole("button", { name: "Bind identity" }).click();
  await expect(bind.getByText("name a subject or at least one claim")).toBeVisible();
  await bind.getByLabel("Claims").fill("repository=acme/deploy\nref=refs/heads/*");
  await bind.getByRole("button", { name: "Bind identity" }).click();
  await expect(bind).toBeHidden();
  await expect(page.getByText("repository=acme/deploy", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Require federation" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Require federation" }).click();
  await expect(page.getByText("Static keys refused")).toBeVisible();
  const federation = await request.get(`/api/v1/admin/agents/${agent.id}/federated-identities`, {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
  });
  expect(await federation.json()).toMatchObject({ requireFederation: true, identities: [{ claims: { repository: "acme/deploy", ref: "refs/heads/*" } }] });
});

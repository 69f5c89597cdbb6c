import { expect, test } from "@playwright/test";
import { ADMIN, ADMIN_TOKEN, MAIN_URL, adminPost, freshSuffix, openSettingsPage } from "./fixtures";

test("an admin creates a change window and sets who is on call; an on-call change by API shows live", async ({ page, request }) => {
  const suffix = freshSuffix();
  const scheduleName = `e2e-window-${suffix}`;
  await page.goto("/");
  await openSettingsPage(page, "Schedules");
  await page.getByRole("button", { name: "New schedule" }).click();
  const dialog = page.getByRole("dialog", { name: "New schedule" });
  await dialog.getByLabel("Name").fill(scheduleName);
  await dialog.getByLabel("Timezone").fill("UTC");
  await dialog.getByLabel("Weekly rules").fill("someday 10:00-11:00");
  await dialog.getByRole("button", { name: "Create schedule" }).click();
  await expect(dialog.getByText("line 1: someday is not a day")).toBeVisible();
  await dialog.getByLabel("Weekly rules").fill("daily 00:00-00:00");
  await dialog.getByRole("button", { name: "Create schedule" }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole("table", { name: "Schedules" }).getByRole("row", { name: new RegExp(scheduleName) });
  await expect(row).toContainText("Open now");
  await expect(row).toContainText("daily 00:00-00:00");

  const group = await adminPost<{ id: string; name: string }>(request, "/api/v1/admin/groups", { name: `e2e-oncall-${suffix}`, memberEmails: [ADMIN.email] });
  await page.goto("/groups");
  await page.getByRole("button", { name: `Set on call for ${group.name}` }).click();
  const onCallDialog = page.getByRole("dialog", { name: `On call for ${group.name}` });
  await onCallDialog.getByRole("checkbox", { name: new RegExp(ADMIN.name) }).check();
  await onCallDialog.getByLabel("For how long").fill("8 h");
  await onCallDialog.getByRole("button", { name: "Save on call" }).click();
  await expect(onCallDialog).toBeHidden();
  const onCall = page.getByRole("list", { name: `On call for ${group.name}` });
  await expect(onCall).toContainText(ADMIN.name);
  await expect(onCall).toContainText("until in 8 hours");

  // An incident tool or script changes it meanwhile: the open page follows through the change feed.
  const cleared = await request.put(`${MAIN_URL}/api/v1/admin/groups/${group.id}/on-call`, {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    data: { userIds: [] },
  });
  expect(cleared.status()).toBe(200);
  await expect(onCall).toBeHidden();
});

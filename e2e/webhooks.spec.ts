import http from "node:http";
import type { AddressInfo } from "node:net";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { ADMIN_TOKEN, openSettingsPage } from "./fixtures";

async function expectNoAxeViolations(page: Page, include?: string) {
  const builder = new AxeBuilder({ page });
  expect((await (include ? builder.include(include) : builder).analyze()).violations).toEqual([]);
}

test("an admin adds a webhook endpoint, sees its secret once, and its signed test event arrives and is logged", async ({ page }) => {
  const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  const receiver = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/e2e-${Date.now().toString(36)}`;

  try {
    await page.goto("/");
    await openSettingsPage(page, "Webhooks");
    await expect(page.getByRole("heading", { name: "Webhooks" })).toBeVisible();
    await page.getByRole("button", { name: "Add endpoint" }).click();
    const dialog = page.getByRole("dialog", { name: "Add webhook endpoint" });
    await dialog.getByLabel("URL").fill(url);
    await dialog.getByLabel("Event types").fill("grant.*, request.approved");
    await dialog.getByRole("button", { name: "Add endpoint" }).click();
    await expect(dialog.getByText("Store this signing secret now; it is not shown again.")).toBeVisible();
    const secret = await dialog.getByLabel("Signing secret").inputValue();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    await expectNoAxeViolations(page, '[role="dialog"]');
    await dialog.getByRole("button", { name: "Done" }).click();

    const table = page.getByRole("table", { name: "Webhook endpoints" });
    await expect(table.getByRole("link", { name: url })).toBeVisible();
    await expect(page.getByText(secret)).toHaveCount(0);
    await expect(table.getByRole("row", { name: new RegExp(url) })).toContainText(`${secret.slice(0, 10)}…`);

    await expectNoAxeViolations(page);
    await table.getByRole("link", { name: url }).click();
    await page.getByRole("button", { name: "Send test event" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Test event queued" })).toBeVisible();
    // The delivery log re-reads itself while a delivery is pending.
    const log = page.getByRole("table", { name: "Delivery log" });
    await expect(log.getByRole("row", { name: /webhook\.test/ })).toContainText("delivered", { timeout: 15_000 });
    await expect(log.getByRole("row", { name: /webhook\.test/ })).toContainText("HTTP 204");
    await expectNoAxeViolations(page);

    // The endpoint takes grant.* too, so a grant of another test on this shared server may reach its
    // expiry reminder meanwhile: only one test event, and nothing it did not subscribe to.
    const types = received.map((item) => (JSON.parse(item.body) as { type: string }).type);
    expect(types.filter((type) => type === "webhook.test")).toHaveLength(1);
    expect(types.every((type) => type === "webhook.test" || type === "request.approved" || type.startsWith("grant."))).toBe(true);
    const delivery = received[types.indexOf("webhook.test")];
    const headers = {
      "webhook-id": String(delivery!.headers["webhook-id"]),
      "webhook-timestamp": String(delivery!.headers["webhook-timestamp"]),
      "webhook-signature": String(delivery!.headers["webhook-signature"]),
    };
    expect(new Webhook(secret).verify(delivery!.body, headers)).toMatchObject({ type: "webhook.test" });
    await expect(page.getByText(secret)).toHaveCount(0);
  } finally {
    await new Promise((resolve) => receiver.close(resolve));
  }
});

test("an admin turns on chat notifications for an approver group without the URL ever being shown again", async ({ page, request }) => {
  const name = `e2e-chat-${Date.now().toString(36)}`;
  const created = await request.post("/api/v1/admin/groups", { headers: { authorization: `Bearer ${ADMIN_TOKEN}` }, data: { name } });
  expect(created.status()).toBe(201);
  const hook = "https://hooks.example.test/services/T000/B000/e2e-secret-path";

  await page.goto("/groups");
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText("Off");
  await row.getByRole("button", { name: `Chat notifications for ${name}` }).click();
  const dialog = page.getByRole("dialog", { name: `Chat notifications for ${name}` });
  await dialog.getByLabel("Incoming-webhook URL").fill("not a url");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByText("must be an absolute http:// or https:// URL")).toBeVisible();
  await dialog.getByLabel("Incoming-webhook URL").fill(hook);
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText("New requests posted");
  await expect(page.getByText(hook)).toHaveCount(0);
});

import { expect, test } from "@playwright/test";
import { MAIN_URL } from "../fixtures";

test("the OpenAPI document lists the agent and admin routes, and /docs/api renders it without signing in", async ({ page, request }) => {
  const document = await (await request.get(`${MAIN_URL}/api/v1/openapi.json`)).json();
  expect(document.openapi).toMatch(/^3\.1\./);
  for (const path of [
    "/api/v1/access-requests",
    "/api/v1/access-requests/{id}",
    "/api/v1/access-requests/{id}/cancel",
    "/api/v1/grants",
    "/api/v1/events",
    "/api/v1/admin/scopes",
    "/api/v1/admin/agents",
    "/api/v1/admin/agents/{id}/keys",
    "/api/v1/admin/agents/{id}/disable",
    "/api/v1/admin/groups",
    "/api/v1/admin/users",
  ])
    expect(Object.keys(document.paths)).toContain(path);

  const external: string[] = [];
  page.on("request", (r) => !r.url().startsWith(MAIN_URL) && !r.url().startsWith("data:") && external.push(r.url()));
  await page.goto(`${MAIN_URL}/docs/api`);
  // exact: the rendered document adds its own "Baton API 1 OAS" heading once it has loaded.
  await expect(page.getByRole("heading", { name: "Baton API", level: 1, exact: true })).toBeVisible();
  await expect(page.getByText("/api/v1/access-requests").first()).toBeVisible({ timeout: 15_000 });
  expect(external).toEqual([]);
});

import { test as setup } from "@playwright/test";
import { ADMIN, signIn } from "./fixtures";

setup("sign in as the bootstrapped admin", async ({ page }) => {
  await signIn(page, ADMIN);
  await page.context().storageState({ path: "playwright/.auth/admin.json" });
});

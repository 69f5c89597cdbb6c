import { describe, expect, it } from "vitest";
import { disconnect, prisma } from "@/lib/db";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { bootstrapAdmin } from "@/lib/setup/bootstrap-admin";
import { issueSetupLink } from "@/lib/setup/issue-setup-link";

describe("BATON_ADMIN_* on an empty database", () => {
  it("creates the admin and its token, and then no set-up link is offered", async () => {
    const token = "z".repeat(40);
    const runs = await Promise.all([1, 2, 3].map(() => bootstrapAdmin({ email: "Ops@Example.com", password: "a long enough password", token })));
    expect(runs.filter((r) => r === "created")).toHaveLength(1);
    expect(await prisma.user.count()).toBe(1);
    expect(await prisma.personalToken.count()).toBe(1);
    expect(await verifyCredentials({ email: "ops@example.com", password: "a long enough password" })).not.toBeNull();
    expect(await issueSetupLink({ baseUrl: "http://localhost:3000" })).toBeNull();
  });

  it("keeps the admin across a restart of the database", async () => {
    await disconnect();
    expect(await verifyCredentials({ email: "ops@example.com", password: "a long enough password" })).not.toBeNull();
  });
});

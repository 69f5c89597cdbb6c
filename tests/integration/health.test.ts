import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { checkHealth } from "@/lib/health/check-health";
import { testDatabaseKind } from "./setup-database";

describe("health", () => {
  it("is ok once migrations are applied", async () => {
    expect(await checkHealth()).toEqual({ status: "ok", database: testDatabaseKind, migrations: "up-to-date" });
  });

  it("reports pending migrations as unavailable", async () => {
    const [last] = await prisma.$queryRaw<{ migration_name: string }[]>`SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`;
    await prisma.$executeRaw`UPDATE "_prisma_migrations" SET migration_name = 'renamed' WHERE migration_name = ${last!.migration_name}`;
    try {
      expect(await checkHealth()).toMatchObject({ status: "unavailable", migrations: "pending", reason: expect.stringContaining(last!.migration_name) });
    } finally {
      await prisma.$executeRaw`UPDATE "_prisma_migrations" SET migration_name = ${last!.migration_name} WHERE migration_name = 'renamed'`;
    }
  });
});

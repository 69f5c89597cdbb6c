import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { disconnect, prisma } from "@/lib/db";
import { recordEvent } from "@/lib/audit/record-event";

const run = promisify(execFile);

/** Runs `npm run audit:verify` as a user would, against this test's database. */
async function auditVerify(): Promise<{ code: number; stdout: string }> {
  await disconnect(); // the embedded database admits one process at a time
  try {
    const { stdout } = await run(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/audit-verify.ts"], { env: process.env });
    return { code: 0, stdout };
  } catch (error) {
    const failure = error as { code: number; stdout: string };
    return { code: failure.code, stdout: failure.stdout };
  }
}

describe("npm run audit:verify", () => {
  it("prints OK with the count, then names the sequence number of an edited row", async () => {
    for (let i = 0; i < 6; i++)
      await prisma.$transaction((tx) => recordEvent(tx, { actor: { kind: "SYSTEM", id: null }, action: "group.created", subject: { kind: "group", id: `grp_${i}` }, data: { name: `g${i}` }, at: new Date() }));
    expect(await auditVerify()).toEqual({ code: 0, stdout: "OK 6 events\n" });

    await prisma.$executeRaw`UPDATE "AuditEvent" SET data = '{"name": "tampered"}'::jsonb WHERE seq = 4`;
    const result = await auditVerify();
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^FAIL at sequence 4: /);
  });
});

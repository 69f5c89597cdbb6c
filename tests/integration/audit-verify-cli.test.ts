import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { disconnect, prisma } from "@/lib/db";
import { exportAuditLog } from "@/lib/audit/export-audit-log";
import { recordEvent } from "@/lib/audit/record-event";

const run = promisify(execFile);

/** Runs `npm run audit:verify` as a user would, against this test's database (or a file). */
async function auditVerify(...args: string[]): Promise<{ code: number; stdout: string }> {
  await disconnect(); // the embedded database admits one process at a time
  try {
    const { stdout } = await run(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/audit-verify.ts", ...args], {
      env: process.env,
    });
    return { code: 0, stdout };
  } catch (error) {
    const failure = error as { code: number; stdout: string };
    return { code: failure.code, stdout: failure.stdout };
  }
}

describe("npm run audit:verify", () => {
  it("prints OK with the count, then names the sequence number of an edited row", async () => {
    for (let i = 0; i < 6; i++)
      await prisma.$transaction((tx) =>
        recordEvent(tx, {
          actor: { kind: "SYSTEM", id: null },
          action: "group.created",
          subject: { kind: "group", id: `grp_${i}` },
          data: { name: `g${i}` },
          at: new Date(),
        }),
      );
    expect(await auditVerify()).toEqual({ code: 0, stdout: "OK 6 events\n" });

    await prisma.$executeRaw`UPDATE "AuditEvent" SET data = '{"name": "tampered"}'::jsonb WHERE seq = 4`;
    const result = await auditVerify();
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^FAIL at sequence 4: /);
  });

  it("--file re-verifies a JSON Lines export offline, and names the first tampered event", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "baton-export-")), "audit.jsonl");
    await prisma.$executeRaw`UPDATE "AuditEvent" SET data = '{"name": "g3"}'::jsonb WHERE seq = 4`; // undo the previous test's tampering
    const exported = await new Response(
      await exportAuditLog({ principal: { kind: "person" as const, userId: "usr_auditor", role: "ADMIN" }, filter: {}, format: "jsonl" }),
    ).text();
    fs.writeFileSync(file, exported);
    expect(await auditVerify("--file", file)).toEqual({ code: 0, stdout: "OK 6 events, sequence 1–6: one unbroken chain from the first event\n" });

    fs.writeFileSync(file, exported.replace('"name":"g2"', '"name":"g9"'));
    const result = await auditVerify("--file", file);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^FAIL at sequence 3: event 3 was altered/);
  });
});

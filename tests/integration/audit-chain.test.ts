import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { recordEvent } from "@/lib/audit/record-event";
import { verifyChain } from "@/lib/audit/verify-chain";

const at = () => new Date();

async function append(n: number, prefix = "x") {
  for (let i = 0; i < n; i++)
    await prisma.$transaction((tx) =>
      recordEvent(tx, {
        actor: { kind: "SYSTEM", id: null },
        action: "scope.created",
        subject: { kind: "scope", id: `${prefix}${i}` },
        data: { i, nested: { b: 2, a: 1 } },
        at: at(),
      }),
    );
}

describe("audit hash chain", () => {
  it("verifies a clean log and counts every event", async () => {
    await append(5);
    expect(await verifyChain()).toEqual({ ok: true, count: 5 });
  });

  it("writes nothing — and leaves no gap — when the surrounding transaction fails", async () => {
    const before = await prisma.auditEvent.count();
    await expect(
      prisma.$transaction(async (tx) => {
        await recordEvent(tx, { actor: { kind: "SYSTEM", id: null }, action: "scope.created", subject: { kind: "scope", id: "rolled-back" }, at: at() });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await prisma.auditEvent.count()).toBe(before);
    await append(1, "after");
    expect((await verifyChain()).ok).toBe(true);
  });

  it("stays gap-free and unforked under concurrent appends", async () => {
    const before = await prisma.auditEvent.count();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        prisma.$transaction((tx) =>
          recordEvent(tx, { actor: { kind: "AGENT", id: `agt_${i}` }, action: "request.filed", subject: { kind: "request", id: `req_${i}` }, at: at() }),
        ),
      ),
    );
    const seqs = (await prisma.auditEvent.findMany({ select: { seq: true }, orderBy: { seq: "asc" } })).map((e) => Number(e.seq));
    expect(seqs).toEqual(Array.from({ length: before + 20 }, (_, i) => i + 1));
    expect(await verifyChain()).toEqual({ ok: true, count: before + 20 });
  });

  it("reports progress while it walks the log", async () => {
    const seen: number[] = [];
    await verifyChain({ onProgress: (checked) => seen.push(checked) });
    expect(seen.at(-1)).toBe(await prisma.auditEvent.count());
  });

  it("names the first altered event when a row's data is edited", async () => {
    await prisma.$executeRaw`UPDATE "AuditEvent" SET data = '{"i": 99}'::jsonb WHERE seq = 3`;
    const verdict = await verifyChain();
    expect(verdict).toMatchObject({ ok: false, badSeq: 3n });
    expect(verdict.ok === false && verdict.reason).toContain("altered");
  });
});

describe("audit tampering, one kind at a time", () => {
  it("detects a deleted event as a gap", async () => {
    await prisma.$executeRaw`TRUNCATE "AuditEvent"`;
    await prisma.$executeRaw`UPDATE "AuditHead" SET seq = 0, hash = ${"0".repeat(64)}`;
    await append(4, "gap");
    await prisma.$executeRaw`DELETE FROM "AuditEvent" WHERE seq = 2`;
    expect(await verifyChain()).toMatchObject({ ok: false, badSeq: 2n });
  });

  it("detects two events swapped in order", async () => {
    await prisma.$executeRaw`TRUNCATE "AuditEvent"`;
    await prisma.$executeRaw`UPDATE "AuditHead" SET seq = 0, hash = ${"0".repeat(64)}`;
    await append(4, "swap");
    // Swap the contents of 2 and 3 while keeping their sequence numbers.
    await prisma.$executeRaw`UPDATE "AuditEvent" SET seq = -2 WHERE seq = 2`;
    await prisma.$executeRaw`UPDATE "AuditEvent" SET seq = 2 WHERE seq = 3`;
    await prisma.$executeRaw`UPDATE "AuditEvent" SET seq = 3 WHERE seq = -2`;
    expect(await verifyChain()).toMatchObject({ ok: false, badSeq: 2n });
  });

  it("detects the newest events being cut off", async () => {
    await prisma.$executeRaw`TRUNCATE "AuditEvent"`;
    await prisma.$executeRaw`UPDATE "AuditHead" SET seq = 0, hash = ${"0".repeat(64)}`;
    await append(4, "cut");
    await prisma.$executeRaw`DELETE FROM "AuditEvent" WHERE seq = 4`;
    expect(await verifyChain()).toMatchObject({ ok: false, badSeq: 4n });
  });
});

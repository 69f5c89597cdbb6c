import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { startJobRunner, type JobRunner } from "@/lib/jobs/job-runner";
import { fileAt, setUpJobWorld, type JobWorld } from "./job-fixtures";

let world: JobWorld;
const runners: JobRunner[] = [];

beforeAll(async () => {
  world = await setUpJobWorld();
});

afterEach(async () => {
  await Promise.all(runners.splice(0).map((runner) => runner.stop()));
});

async function runner(options: { reminderLeadSeconds?: number } = {}) {
  const started = await startJobRunner({ reminderLeadSeconds: options.reminderLeadSeconds ?? 0, sweepIntervalSeconds: 1, log: () => undefined });
  runners.push(started);
  return started;
}

const eventsFor = (action: string, subjectId: string) => prisma.auditEvent.findMany({ where: { action, subjectId } });
const ago = (ms: number) => new Date(Date.now() - ms);

describe("background jobs", () => {
  it("marks a grant that expired while no runner was up exactly once, dated at its true expiry, and never again after a restart", async () => {
    const { grant } = await fileAt(world.agentId, ago(3_600_000), { scopes: ["logs.read"], durationSeconds: 600 });
    const expiresAt = new Date(grant!.expiresAt);
    expect(expiresAt.getTime()).toBeLessThan(Date.now());
    expect((await prisma.grant.findUniqueOrThrow({ where: { id: grant!.id } })).status).toBe("ACTIVE");

    const first = await runner();
    await vi.waitFor(async () => expect((await prisma.grant.findUniqueOrThrow({ where: { id: grant!.id } })).status).toBe("EXPIRED"), { timeout: 10_000 });
    await first.stop();
    runners.splice(runners.indexOf(first), 1);

    const second = await runner();
    await second.sweep();
    const events = await eventsFor("grant.expired", grant!.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.at.toISOString()).toBe(expiresAt.toISOString());
    expect(events[0]!.agentId).toBe(world.agentId);
    expect(events[0]!.data).toMatchObject({ expiresAt: expiresAt.toISOString() });
  });

  it("marks a grant issued while the runner is up once its expiry passes, from the job scheduled at issuance", async () => {
    await runner();
    // Issued 58 s ago for 60 s: it ends about two seconds from now.
    const { grant } = await fileAt(world.agentId, ago(58_000), { scopes: ["logs.read"], durationSeconds: 60 });
    const job = await vi.waitFor(
      async () => {
        const [row] = await prisma.$queryRaw<
          { start_after: Date }[]
        >`SELECT start_after FROM pgboss.job WHERE name = 'baton-due' AND singleton_key = ${`expire-grant:${grant!.id}`}`;
        expect(row).toBeDefined();
        return row!;
      },
      { timeout: 10_000 },
    );
    expect(job.start_after.toISOString()).toBe(grant!.expiresAt);
    await vi.waitFor(async () => expect(await eventsFor("grant.expired", grant!.id)).toHaveLength(1), { timeout: 10_000, interval: 100 });
    expect((await prisma.grant.findUniqueOrThrow({ where: { id: grant!.id } })).status).toBe("EXPIRED");
  });

  it("lapses a pending request at its lapse time with request.expired, once", async () => {
    await runner();
    const request = await fileAt(world.agentId, ago(86_400_000 + 5_000), { scopes: ["db.write"], durationSeconds: 600 });
    expect(request.status).toBe("PENDING"); // as of its filing
    await vi.waitFor(async () => expect((await prisma.accessRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("EXPIRED"), {
      timeout: 10_000,
    });
    const events = await eventsFor("request.expired", request.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.at.toISOString()).toBe((await prisma.accessRequest.findUniqueOrThrow({ where: { id: request.id } })).pendingExpiresAt.toISOString());
  });

  it("reminds the agent once, some minutes before its grant ends, on its event stream", async () => {
    await runner({ reminderLeadSeconds: 300 });
    // A one-hour grant issued 55 min ago: its reminder (5 min before the end) is already due.
    const { grant } = await fileAt(world.agentId, ago(55 * 60_000), { scopes: ["logs.read"], durationSeconds: 3600 });
    await vi.waitFor(async () => expect(await eventsFor("grant.expiring", grant!.id)).toHaveLength(1), { timeout: 10_000 });
    const [reminder] = await eventsFor("grant.expiring", grant!.id);
    expect(reminder!.agentId).toBe(world.agentId);
    expect(reminder!.data).toMatchObject({ expiresAt: grant!.expiresAt });
    await runners[0]!.sweep();
    expect(await eventsFor("grant.expiring", grant!.id)).toHaveLength(1);
    expect((await prisma.grant.findUniqueOrThrow({ where: { id: grant!.id } })).reminderSentAt).not.toBeNull();
  });

  it("does not double-run with two runners on one database: one grant.expired per grant", async () => {
    const grants = await Promise.all(
      Array.from({ length: 8 }, (_, i) => fileAt(world.agentId, ago(3_600_000 + i * 1000), { scopes: ["logs.read"], durationSeconds: 60 })),
    );
    await Promise.all([runner(), runner()]);
    await Promise.all(runners.map((each) => each.sweep()));
    for (const { grant } of grants) expect(await eventsFor("grant.expired", grant!.id)).toHaveLength(1);
  });
});

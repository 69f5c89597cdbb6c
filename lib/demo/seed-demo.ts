import { prisma } from "@/lib/db";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { hashPassword } from "@/lib/crypto/password";
import { GrantStatus, RequestStatus, type Role } from "@/lib/generated/prisma/enums";
import { allocateDemoIds } from "./allocate-demo-ids";
import { DEMO_ADMIN_EMAIL, DEMO_AGENTS, DEMO_GROUPS, DEMO_PASSWORD, DEMO_PEOPLE, DEMO_SCOPES } from "./demo-directory";
import { DEMO_INCIDENTS, DEMO_REQUESTS } from "./demo-history";
import { createDemoTimeline } from "./demo-timeline";
import { findDemoNameClashes } from "./find-demo-name-clashes";
import { scheduleDirectory } from "./schedule-directory";
import { scheduleIncident } from "./schedule-incident";
import { scheduleRequest } from "./schedule-request";

export type SeedDemoResult =
  | { status: "already-seeded" }
  | { status: "name-clash"; clashes: string[] }
  | {
      status: "seeded";
      password: string;
      people: { email: string; name: string; role: Role }[];
      counts: {
        people: number;
        groups: number;
        scopes: number;
        agents: number;
        incidents: number;
        requests: Record<RequestStatus, number>;
        grants: Record<GrantStatus, number>;
        auditEvents: number;
      };
    };

function countByStatus<Status extends string>(statuses: Status[], rows: { status: Status; _count: number }[]): Record<Status, number> {
  return Object.fromEntries(statuses.map((status) => [status, rows.find((row) => row.status === status)?._count ?? 0])) as Record<Status, number>;
}

/**
 * Fills the database with a demo organisation and a week of its history ending at the clock's now,
 * written oldest first with every change's audit event, in one transaction so a failed seed leaves
 * nothing behind. Does nothing if the demo is there already; never touches existing rows.
 */
export async function seedDemo(options: { clock?: Clock } = {}): Promise<SeedDemoResult> {
  const now = (options.clock ?? systemClock).now();
  if (await prisma.user.findUnique({ where: { email: DEMO_ADMIN_EMAIL }, select: { id: true } })) return { status: "already-seeded" };

  // scrypt is deliberately slow, and every demo account shares the password: hash it once.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ids = allocateDemoIds();
  const timeline = createDemoTimeline();
  scheduleDirectory(timeline, ids, passwordHash);
  for (const incident of DEMO_INCIDENTS) scheduleIncident(timeline, ids, incident);
  for (const request of DEMO_REQUESTS) scheduleRequest(timeline, ids, request);

  return prisma.$transaction(
    async (tx): Promise<SeedDemoResult> => {
      // Two seeds at once must not both find the demo missing (a different key from first-run set-up's).
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(4242002)`;
      if (await tx.user.findUnique({ where: { email: DEMO_ADMIN_EMAIL }, select: { id: true } })) return { status: "already-seeded" };
      const clashes = await findDemoNameClashes(tx);
      if (clashes.length > 0) return { status: "name-clash", clashes };

      const headBefore = await tx.auditHead.findUniqueOrThrow({ where: { id: 1 } });
      await timeline.replay(tx, now);
      const headAfter = await tx.auditHead.findUniqueOrThrow({ where: { id: 1 } });

      const agentIds = Object.values(ids.agents);
      const requests = await tx.accessRequest.groupBy({ by: ["status"], where: { agentId: { in: agentIds } }, _count: true });
      const grants = await tx.grant.groupBy({ by: ["status"], where: { agentId: { in: agentIds } }, _count: true });
      return {
        status: "seeded",
        password: DEMO_PASSWORD,
        people: DEMO_PEOPLE.map(({ email, name, role }) => ({ email, name, role })),
        counts: {
          people: DEMO_PEOPLE.length,
          groups: DEMO_GROUPS.length,
          scopes: DEMO_SCOPES.length,
          agents: DEMO_AGENTS.length,
          incidents: DEMO_INCIDENTS.length,
          requests: countByStatus(Object.values(RequestStatus), requests),
          grants: countByStatus(Object.values(GrantStatus), grants),
          auditEvents: Number(headAfter.seq - headBefore.seq),
        },
      };
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
}

// The live-grant rule is written once in TypeScript and said again to the database as a Prisma where and as
// raw SQL (the standalone decision point). This property test proves the three forms select exactly the same
// grants: random grants (every status, revoked or not, any order of start and expiry around the instant)
// × random instants, many of them exactly on a grant's start or expiry, where ≤ and < differ.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { GrantStatus } from "@/lib/generated/prisma/enums";
import { effectiveGrantState } from "@/lib/grants/grant-validity";
import { newId } from "@/lib/kernel/ids";
import {
  isGrantLive,
  isGrantLiveOrUpcoming,
  liveGrantSql,
  liveGrantWhere,
  liveOrUpcomingGrantSql,
  liveOrUpcomingGrantWhere,
  type LiveGrantFields,
} from "@/lib/kernel/live-grant";
import { ensureAdmin } from "./api-helpers";

// A fixed seed keeps a failure reproducible (offsets are drawn relative to the real clock at start).
const SEED = 20261207;
const RUNS = 40;
const MINUTE = 60_000;
const base = Date.now();

let agentId: string;

beforeAll(async () => {
  await ensureAdmin();
  const owner = await prisma.user.findFirstOrThrow({ select: { id: true } });
  agentId = (await prisma.agent.create({ data: { id: newId("agent"), name: "live-grant-rule-bot", ownerId: owner.id }, select: { id: true } })).id;
});

const offset = fc.integer({ min: -10 * MINUTE, max: 10 * MINUTE });
// Weighted towards active, unrevoked grants: they are the ones whose times decide, so the bounds get tested.
const grantArbitrary = fc.record({
  status: fc.oneof({ arbitrary: fc.constant<GrantStatus>("ACTIVE"), weight: 3 }, { arbitrary: fc.constantFrom<GrantStatus>("EXPIRED", "REVOKED"), weight: 2 }),
  revoked: fc.oneof({ arbitrary: fc.constant(false), weight: 3 }, { arbitrary: fc.constant(true), weight: 1 }),
  startsAt: offset,
  expiresAt: offset,
});
type ArbitraryGrant = typeof grantArbitrary extends fc.Arbitrary<infer T> ? T : never;

/** Instants: some anywhere, others exactly on (or a millisecond either side of) a grant's bounds. */
const instantsFor = (grants: ArbitraryGrant[]) =>
  fc.array(
    fc.oneof(
      { arbitrary: offset, weight: 1 },
      {
        arbitrary: fc
          .tuple(fc.nat({ max: grants.length - 1 }), fc.boolean(), fc.constantFrom(-1, 0, 0, 1))
          .map(([index, start, nudge]) => (start ? grants[index]!.startsAt : grants[index]!.expiresAt) + nudge),
        weight: 3,
      },
    ),
    { minLength: 1, maxLength: 12 },
  );

const sorted = (ids: Iterable<string>) => [...ids].sort();

describe("the live-grant rule", () => {
  it("selects the same grants in TypeScript, through Prisma and in raw SQL", async () => {
    const scenario = fc.array(grantArbitrary, { minLength: 1, maxLength: 30 }).chain((grants) => fc.tuple(fc.constant(grants), instantsFor(grants)));
    await fc.assert(
      fc.asyncProperty(scenario, async ([drawn, instants]) => {
        await prisma.grant.deleteMany({ where: { agentId } });
        const grants = drawn.map((grant) => ({
          id: newId("grant"),
          agentId,
          scopes: ["crm.customers:read"],
          status: grant.status,
          startsAt: new Date(base + grant.startsAt),
          expiresAt: new Date(base + grant.expiresAt),
          revokedAt: grant.revoked ? new Date(base + grant.startsAt) : null,
          grantedByKind: "SYSTEM" as const,
        }));
        await prisma.grant.createMany({ data: grants });

        for (const at of instants) {
          const now = new Date(base + at);
          for (const [name, predicate, where, sql] of [
            ["live", isGrantLive, liveGrantWhere, liveGrantSql],
            ["live or upcoming", isGrantLiveOrUpcoming, liveOrUpcomingGrantWhere, liveOrUpcomingGrantSql],
          ] as const) {
            const expected = sorted(grants.filter((grant: LiveGrantFields & { id: string }) => predicate(grant, now)).map((grant) => grant.id));
            const viaPrisma = await prisma.grant.findMany({ where: { agentId, ...where(now) }, select: { id: true } });
            const viaSql = await prisma.$queryRawUnsafe<{ id: string }[]>(
              `SELECT g.id FROM "Grant" g WHERE g."agentId" = $2 AND ${sql("g", "$1")}`,
              now.toISOString(),
              agentId,
            );
            expect(sorted(viaPrisma.map((row) => row.id)), `${name} through Prisma at ${now.toISOString()}`).toEqual(expected);
            expect(sorted(viaSql.map((row) => row.id)), `${name} in SQL at ${now.toISOString()}`).toEqual(expected);
          }
          // The state shown to people agrees: "ACTIVE" exactly when the rule says live.
          for (const grant of grants) expect(effectiveGrantState(grant, now) === "ACTIVE").toBe(isGrantLive(grant, now));
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  }, 120_000);
});

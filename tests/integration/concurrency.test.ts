// Concurrency suite: many people and agents acting on the same rows at the same moment. Each scenario
// checks the outcome in the database (one grant, one audit event, no duplicate), not only the answers.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { decideRequest, type Approver } from "@/lib/approvals/decide-request";
import { verifyChain } from "@/lib/audit/verify-chain";
import { createAgent } from "@/lib/agents/create-agent";
import { issueAgentKey } from "@/lib/agents/issue-agent-key";
import { createGroup } from "@/lib/groups/create-group";
import { createScope } from "@/lib/scopes/create-scope";
import { cancelRequest } from "@/lib/requests/cancel-request";
import { fileRequest } from "@/lib/requests/file-request";
import * as requestsRoute from "@/app/api/v1/access-requests/route";
import { asAgent, call } from "./api-helpers";

const admin = { kind: "person" as const, userId: "usr_concurrency_admin", role: "ADMIN" as const };
const approvers: Approver[] = [];
let agentId: string;
const APPROVERS = 50;
const RACE_ROUNDS = 30;
const FILING_AGENTS = 200;
const ATTEMPTS_PER_AGENT = 3;

beforeAll(async () => {
  await prisma.user.create({ data: { id: admin.userId, email: "admin@concurrency.test", name: "Admin", role: "ADMIN", sessionsValidAfter: new Date(0) } });
  const people = Array.from({ length: APPROVERS + 1 }, (_, i) => ({
    id: `usr_concurrency_${i}`,
    email: `person${i}@concurrency.test`,
    name: `Person ${i}`,
    role: "APPROVER" as const,
    sessionsValidAfter: new Date(0),
  }));
  await prisma.user.createMany({ data: people });
  for (const person of people.slice(1)) approvers.push({ kind: "person" as const, userId: person.id, role: "APPROVER", authTime: new Date() });
  await createGroup({ principal: admin, input: { name: "racers", description: "", memberEmails: people.slice(1).map((p) => p.email) } });
  await createScope({
    principal: admin,
    input: {
      key: "race.one:write",
      description: "",
      risk: "MEDIUM",
      maxDurationSeconds: 3600,
      approvalsRequired: 1,
      approverGroup: "racers",
      autoApprove: false,
    },
  });
  await createScope({
    principal: admin,
    input: {
      key: "race.two:write",
      description: "",
      risk: "HIGH",
      maxDurationSeconds: 3600,
      approvalsRequired: 2,
      approverGroup: "racers",
      autoApprove: false,
    },
  });
  await createScope({
    principal: admin,
    input: { key: "race.auto:read", description: "", risk: "LOW", maxDurationSeconds: 3600, approvalsRequired: 1, autoApprove: true },
  });
  // The owner (person 0) is not among the approvers: separation of duties would refuse them.
  agentId = (
    await createAgent({
      principal: admin,
      input: { name: "race-bot", description: "", ownerEmail: people[0]!.email, eligibleScopes: ["race.one:write", "race.two:write"] },
    })
  ).id;
});

const file = (scope: string) =>
  fileRequest({ principal: asAgent(agentId), input: { scopes: [scope], justification: "Concurrency suite: racing decisions", durationSeconds: 600 } }).then(
    (filed) => filed.request.id,
  );
const approve = (approver: Approver, requestId: string) => decideRequest({ principal: approver, requestId, decision: { kind: "approve", comment: "" } });
const deny = (approver: Approver, requestId: string) => decideRequest({ principal: approver, requestId, decision: { kind: "deny", reason: "racing denial" } });
const cancel = (requestId: string) => cancelRequest({ principal: asAgent(agentId), requestId });
const eventCount = (action: string, subjectId: string) => prisma.auditEvent.count({ where: { action, subjectId } });

function expectOnlyConflicts(results: PromiseSettledResult<unknown>[]) {
  for (const result of results) if (result.status === "rejected") expect(result.reason).toMatchObject({ status: 409 });
}

describe("50 approvers approve one request at the same moment", () => {
  it("issues exactly one grant with one audit event; every other approver gets 409", async () => {
    const id = await file("race.one:write");
    const results = await Promise.allSettled(approvers.map((approver) => approve(approver, id)));
    const won = results.filter((result) => result.status === "fulfilled");
    expect(won).toHaveLength(1);
    expect(won[0]!.value).toMatchObject({ outcome: "approved", grantId: expect.stringMatching(/^grt_/) });
    expect(results.filter((result) => result.status === "rejected")).toHaveLength(APPROVERS - 1);
    expectOnlyConflicts(results);

    const grants = await prisma.grant.findMany({ where: { requestId: id } });
    expect(grants).toHaveLength(1);
    expect(await eventCount("grant.issued", grants[0]!.id)).toBe(1);
    expect(await eventCount("request.approved", id)).toBe(1);
    expect(await prisma.approval.count({ where: { requestId: id } })).toBe(1);
  });
});

describe(`approve, deny and cancel racing, ${RACE_ROUNDS} rounds`, () => {
  it("settles each request once, never grants a denied or cancelled one, and never changes a final state", async () => {
    const outcomes = new Map<string, number>();
    for (let round = 0; round < RACE_ROUNDS; round++) {
      // Alternate one- and two-approval requests, so a first approval may be recorded before a denial lands.
      const id = await file(round % 2 ? "race.two:write" : "race.one:write");
      const [a, b, c] = [approvers[round % APPROVERS]!, approvers[(round + 1) % APPROVERS]!, approvers[(round + 2) % APPROVERS]!];
      // The agent's cancel needs no preparation and tends to win, so a third of the rounds race without it.
      const contenders = [() => approve(a, id), () => approve(b, id), () => deny(c, id), ...(round % 3 === 1 ? [] : [() => cancel(id)])];
      // A different order each round, so no contender always starts first.
      const order = contenders.map((_, i) => (i + round) % contenders.length);
      const results = await Promise.allSettled(order.map((i) => contenders[i]!()));
      expectOnlyConflicts(results);

      const settled = await prisma.accessRequest.findUniqueOrThrow({ where: { id }, include: { grant: true } });
      expect(["APPROVED", "DENIED", "CANCELLED"]).toContain(settled.status);
      expect(!!settled.grant).toBe(settled.status === "APPROVED");
      const finalEvents = await prisma.auditEvent.count({
        where: { subjectId: id, action: { in: ["request.approved", "request.denied", "request.cancelled"] } },
      });
      expect(finalEvents).toBe(1);
      if (settled.grant) expect(await eventCount("grant.issued", settled.grant.id)).toBe(1);
      outcomes.set(settled.status, (outcomes.get(settled.status) ?? 0) + 1);

      // A second wave against the settled request: every attempt is refused and nothing moves.
      const late = await Promise.allSettled([approve(approvers[(round + 3) % APPROVERS]!, id), deny(approvers[(round + 4) % APPROVERS]!, id), cancel(id)]);
      expect(late.every((result) => result.status === "rejected" && (result.reason as { status?: number }).status === 409)).toBe(true);
      const after = await prisma.accessRequest.findUniqueOrThrow({ where: { id }, include: { grant: true } });
      expect({ status: after.status, decidedAt: after.decidedAt, updatedAt: after.updatedAt, grant: after.grant?.id ?? null }).toEqual({
        status: settled.status,
        decidedAt: settled.decidedAt,
        updatedAt: settled.updatedAt,
        grant: settled.grant?.id ?? null,
      });
    }
    // The rotating start order lets different contenders win: the rounds really raced.
    expect(outcomes.size).toBeGreaterThanOrEqual(2);
    const ungranted = await prisma.grant.count({ where: { request: { status: { in: ["DENIED", "CANCELLED"] } } } });
    expect(ungranted).toBe(0);
  });
});

describe(`${FILING_AGENTS} agents filing with retries and idempotency keys`, () => {
  it("files exactly one request per agent and key, whatever the number of concurrent retries", async () => {
    const agents: { id: string; key: string }[] = [];
    const register = async (i: number) => {
      const agent = await createAgent({
        principal: admin,
        input: { name: `filing-bot-${i}`, description: "", ownerEmail: "person0@concurrency.test", eligibleScopes: ["race.one:write", "race.auto:read"] },
      });
      return { id: agent.id, key: (await issueAgentKey({ principal: admin, agentId: agent.id })).key };
    };
    for (let i = 0; i < FILING_AGENTS; i += 10) agents.push(...(await Promise.all(Array.from({ length: 10 }, (_, j) => register(i + j)))));
    // Half ask for an auto-approved scope, so the grant is issued inside the racing filings too.
    const bodyOf = (index: number) => ({
      scopes: [index % 2 ? "race.auto:read" : "race.one:write"],
      justification: "Concurrency suite: a retried filing",
      durationSeconds: 600,
    });
    const attempt = (index: number) =>
      call(requestsRoute.POST, { token: agents[index]!.key, body: bodyOf(index), headers: { "idempotency-key": `retry-storm-${index}` } });
    /** As a client does: a 503 (every database connection busy) is retried with the same key, after a jittered pause (shorter than Retry-After, to keep the test quick). */
    async function fileAs(index: number) {
      for (;;) {
        const answer = await attempt(index);
        if (answer.status !== 503) return answer;
        unavailable++;
        expect(answer.headers.get("retry-after")).toBe("1");
        await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 150));
      }
    }
    let unavailable = 0;

    // Every agent sends its filing several times at once (a client retrying after timeouts), all agents together.
    const storm = await Promise.all(agents.map((_, index) => Promise.all(Array.from({ length: ATTEMPTS_PER_AGENT }, () => fileAs(index)))));
    // …and once more after the storm, as a late retry would.
    const late = await Promise.all(agents.map((_, index) => fileAs(index)));

    console.log(`${FILING_AGENTS} agents × ${ATTEMPTS_PER_AGENT + 1} filings: ${unavailable} answers were 503 (every connection busy) and retried`);
    for (const [index, answers] of storm.entries()) {
      const all = [...answers, late[index]!];
      expect(all.map((answer) => answer.status).sort()).toEqual([...Array(ATTEMPTS_PER_AGENT).fill(200), 201]);
      expect(new Set(all.map((answer) => answer.json.id)).size).toBe(1);
    }
    const agentIds = agents.map((agent) => agent.id);
    const requests = await prisma.accessRequest.findMany({ where: { agentId: { in: agentIds } }, include: { grant: true } });
    expect(requests).toHaveLength(FILING_AGENTS);
    expect(new Set(requests.map((request) => request.agentId)).size).toBe(FILING_AGENTS);
    expect(await prisma.auditEvent.count({ where: { action: "request.filed", subjectId: { in: requests.map((r) => r.id) } } })).toBe(FILING_AGENTS);
    const grants = requests.flatMap((request) => (request.grant ? [request.grant.id] : []));
    expect(grants).toHaveLength(FILING_AGENTS / 2);
    expect(await prisma.auditEvent.count({ where: { action: "grant.issued", subjectId: { in: grants } } })).toBe(FILING_AGENTS / 2);
  });
});

describe("after all the races", () => {
  it("the audit chain verifies", async () => {
    expect(await verifyChain()).toMatchObject({ ok: true });
  });
});

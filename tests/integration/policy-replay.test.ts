import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { requirementsFor } from "@/lib/approvals/quorum";
import { routedScopesOf } from "@/lib/approvals/routed-scopes";
import { seedDemo } from "@/lib/demo/seed-demo";
import { manualClock } from "@/lib/kernel/clock";
import { compileStoredSet } from "@/lib/policy/active-policy-set";
import { decideFiling } from "@/lib/policy/decide-filing";
import { DEFAULT_POLICIES } from "@/lib/policy/default-policy-set";
import { hashPolicySet } from "@/lib/policy/hash-policy-set";
import { loadPolicyDirectory } from "@/lib/policy/policy-directory";

describe("the default set decides exactly as the catalog did", () => {
  it("replays the demo data: every request's outcome and approvers are the catalog's", async () => {
    const seeded = await seedDemo({ clock: manualClock(new Date()) });
    expect(seeded.status).toBe("seeded");
    const defaults = compileStoredSet(hashPolicySet(DEFAULT_POLICIES), [...DEFAULT_POLICIES]);
    const directory = await loadPolicyDirectory((sql, params = []) => prisma.$queryRawUnsafe(sql, ...params));
    const requests = await prisma.accessRequest.findMany();
    expect(requests.length).toBeGreaterThan(10);
    for (const request of requests) {
      const scopes = request.requestedScopes.map((key) => directory.scopes.get(key)!);
      const routing = decideFiling(defaults, {
        agent: directory.agents.get(request.agentId)!,
        scopes,
        request: {
          id: request.id,
          scopes: request.requestedScopes,
          durationSeconds: request.requestedDurationSeconds,
          justification: request.justification,
          contextRef: request.contextRef,
          onBehalfOf: null,
          incident: null,
          locations: [],
          actions: [],
        },
        env: directory.environmentAt(request.createdAt),
        groupIds: directory.groupIds,
      });
      const catalogAuto = scopes.every((scope) => scope.autoApprove);
      expect(routing.outcome, request.id).toBe(catalogAuto ? "auto_approved" : "routed");
      if (catalogAuto) continue;
      const catalog = requirementsFor(
        routedScopesOf({ requestedScopes: request.requestedScopes, routing: null }, (key) => {
          const scope = directory.scopes.get(key)!;
          return {
            approverGroupId: scope.approverGroup?.id ?? null,
            approverGroupName: scope.approverGroup?.name ?? null,
            approvalsRequired: scope.approvalsRequired,
          };
        }),
        () => new Set(),
      ).map((r) => [r.groupId === "admins" ? null : r.groupId, r.required]);
      expect(
        routing.requirements.map((r) => [r.groupId, r.quorum]),
        request.id,
      ).toEqual(catalog);
    }
  });
});

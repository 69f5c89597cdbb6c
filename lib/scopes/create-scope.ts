import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/authorization/rules";
import { auditActorOf, type PersonPrincipal } from "@/lib/kernel/principal";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { conflict } from "@/lib/kernel/errors";
import { newId } from "@/lib/kernel/ids";
import { resolveApproverGroup } from "./resolve-approver-group";
import { resolveResourceServer } from "./resolve-resource-server";
import { resolveScopeCredentials } from "@/lib/credentials/resolve-scope-credentials";
import type { CreateScopeBody, ScopeDto } from "./schemas";
import { scopeInclude, toScopeDto } from "./to-scope-dto";

export async function createScope(options: { principal: PersonPrincipal; input: CreateScopeBody; clock?: Clock }): Promise<ScopeDto> {
  requireAdmin(options.principal);
  const now = (options.clock ?? systemClock).now();
  const { approverGroup, resourceServer, credentials, tags = [], ...rest } = options.input;
  const fields = { ...rest, tags };
  const credentialFields = await resolveScopeCredentials(credentials);
  return prisma.$transaction(async (tx) => {
    if (await tx.scope.findUnique({ where: { key: fields.key }, select: { id: true } })) throw conflict(`A scope with the key ${fields.key} already exists`);
    const approverGroupId = (await resolveApproverGroup(tx, approverGroup)) ?? null;
    const resourceServerId = (await resolveResourceServer(tx, resourceServer)) ?? null;
    const scope = await tx.scope.create({
      data: { id: newId("scope"), ...fields, approverGroupId, resourceServerId, ...credentialFields, createdAt: now, updatedAt: now },
      include: scopeInclude,
    });
    await recordEvent(tx, {
      actor: auditActorOf(options.principal),
      action: "scope.created",
      subject: { kind: "scope", id: scope.id },
      data: { ...fields, approverGroup: approverGroup ?? null, resourceServer: resourceServer ?? null, credentials: toScopeDto(scope).credentials },
      at: now,
    });
    return toScopeDto(scope);
  });
}

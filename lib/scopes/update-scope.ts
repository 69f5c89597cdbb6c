import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/authorization/rules";
import { auditActorOf, type PersonPrincipal } from "@/lib/kernel/principal";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { notFound } from "@/lib/kernel/errors";
import { resolveApproverGroup } from "./resolve-approver-group";
import { resolveResourceServer } from "./resolve-resource-server";
import { resolveScopeCredentials } from "@/lib/credentials/resolve-scope-credentials";
import type { ScopeDto, UpdateScopeBody } from "./schemas";
import { scopeInclude, toScopeDto } from "./to-scope-dto";

export async function updateScope(options: { principal: PersonPrincipal; key: string; input: UpdateScopeBody; clock?: Clock }): Promise<ScopeDto> {
  requireAdmin(options.principal);
  const now = (options.clock ?? systemClock).now();
  const { approverGroup, resourceServer, credentials, ...fields } = options.input;
  const credentialFields = await resolveScopeCredentials(credentials);
  return prisma.$transaction(async (tx) => {
    const before = await tx.scope.findUnique({ where: { key: options.key }, include: scopeInclude });
    if (!before) throw notFound(`The scope ${options.key}`);
    const approverGroupId = await resolveApproverGroup(tx, approverGroup);
    const resourceServerId = await resolveResourceServer(tx, resourceServer);
    const scope = await tx.scope.update({
      where: { id: before.id },
      data: {
        ...fields,
        ...(approverGroupId !== undefined ? { approverGroupId } : {}),
        ...(resourceServerId !== undefined ? { resourceServerId } : {}),
        ...credentialFields,
        updatedAt: now,
      },
      include: scopeInclude,
    });
    await recordEvent(tx, {
      actor: auditActorOf(options.principal),
      action: "scope.updated",
      subject: { kind: "scope", id: scope.id },
      data: { key: scope.key, before: toScopeDto(before), after: toScopeDto(scope) },
      at: now,
    });
    return toScopeDto(scope);
  });
}

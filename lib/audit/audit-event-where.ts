import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ActorKind } from "@/lib/generated/prisma/enums";
import type { AuditFilter } from "./schemas";

const ACTOR_KINDS = Object.values(ActorKind) as string[];

/** The actor filter as people type it: an email, an id, or a kind of actor. Null when it can match nothing. */
async function actorWhere(actor: string): Promise<Prisma.AuditEventWhereInput | null> {
  if (actor.includes("@")) {
    const user = await prisma.user.findUnique({ where: { email: actor.trim().toLowerCase() }, select: { id: true } });
    return user ? { actorKind: "USER", actorId: user.id } : null;
  }
  const kind = actor.trim().toUpperCase().replace(/[\s-]/g, "_");
  if (ACTOR_KINDS.includes(kind)) return { actorKind: kind as ActorKind };
  return { actorId: actor.trim() };
}

/**
 * The audit filters as a query, each column answered by an index (actor kind + id, action, subject id,
 * time). Null when the filter can match nothing (an email nobody has).
 */
export async function auditEventWhere(filter: AuditFilter): Promise<Prisma.AuditEventWhereInput | null> {
  const actor = filter.actor ? await actorWhere(filter.actor) : {};
  if (!actor) return null;
  return {
    AND: [
      actor,
      filter.action ? { action: filter.action } : {},
      filter.subject ? { subjectId: filter.subject.trim() } : {},
      filter.from || filter.to ? { at: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } } : {},
    ],
  };
}

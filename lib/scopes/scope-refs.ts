import { prisma } from "@/lib/db";
import type { Risk } from "@/lib/generated/prisma/enums";

/** A scope key with its catalog risk, as the scope chip shows it; null risk when the scope has left the catalog. */
export interface ScopeRef {
  key: string;
  risk: Risk | null;
}

/**
 * One query for the risks of every scope key on a page of grants or requests; the returned function
 * turns each row's keys into scope references in the row's own order.
 */
export async function loadScopeRefs(keyLists: readonly (readonly string[])[]): Promise<(keys: readonly string[]) => ScopeRef[]> {
  const keys = [...new Set(keyLists.flat())];
  const rows = keys.length ? await prisma.scope.findMany({ where: { key: { in: keys } }, select: { key: true, risk: true } }) : [];
  const risks = new Map(rows.map((row) => [row.key, row.risk]));
  return (list) => list.map((key) => ({ key, risk: risks.get(key) ?? null }));
}

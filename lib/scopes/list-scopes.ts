import { prisma } from "@/lib/db";
import type { ScopeDto } from "./schemas";
import { scopeInclude, toScopeDto } from "./to-scope-dto";

/** The catalog is not secret to signed-in people or admins; callers authenticate before reaching here. */
export async function listScopes(): Promise<ScopeDto[]> {
  const scopes = await prisma.scope.findMany({ orderBy: { key: "asc" }, include: scopeInclude });
  return scopes.map(toScopeDto);
}

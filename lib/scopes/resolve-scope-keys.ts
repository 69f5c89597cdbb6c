import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/kernel/errors";

/** Throws a 400 naming the position of each key that is not in the catalog. */
export function assertKnownScopeKeys(keys: string[], known: ReadonlyMap<string, unknown>, field: string): void {
  const errors = keys.flatMap((key, index) => (known.has(key) ? [] : [{ field: `${field}.${index}`, message: `unknown scope ${key}` }]));
  if (errors.length)
    throw new AppError("BAD_REQUEST", `Unknown scope${errors.length > 1 ? "s" : ""}: ${keys.filter((key) => !known.has(key)).join(", ")}`, { errors });
}

/** Scope keys → catalog rows, in order; unknown keys are a 400 naming each one's position. */
export async function resolveScopeKeys(tx: Tx, keys: string[], field: string) {
  const scopes = await tx.scope.findMany({ where: { key: { in: keys } }, include: { approverGroup: true } });
  const byKey = new Map(scopes.map((scope) => [scope.key, scope]));
  assertKnownScopeKeys(keys, byKey, field);
  return keys.map((key) => byKey.get(key)!);
}

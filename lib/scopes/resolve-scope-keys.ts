import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** Scope keys → catalog rows, in order; unknown keys are a 400 naming each one's position. */
export async function resolveScopeKeys(tx: Tx, keys: string[], field: string) {
  const scopes = await tx.scope.findMany({ where: { key: { in: keys } }, include: { approverGroup: true } });
  const byKey = new Map(scopes.map((scope) => [scope.key, scope]));
  const errors = keys.flatMap((key, index) => (byKey.has(key) ? [] : [{ field: `${field}.${index}`, message: `unknown scope ${key}` }]));
  if (errors.length) throw new AppError("BAD_REQUEST", `Unknown scope${errors.length > 1 ? "s" : ""}: ${keys.filter((k) => !byKey.has(k)).join(", ")}`, { errors });
  return keys.map((key) => byKey.get(key)!);
}

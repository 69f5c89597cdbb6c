import type { Tx } from "@/lib/db";
import type { Risk } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/kernel/errors";
import { assertKnownScopeKeys } from "@/lib/scopes/resolve-scope-keys";

export interface RequestedScope {
  id: string;
  key: string;
  risk: Risk;
  maxDurationSeconds: number;
  autoApprove: boolean;
}

/**
 * What any grant or request for an agent must satisfy, read inside the caller's transaction: every scope
 * exists (unknown → 400), lies within the agent's eligible set (→ 403), and the duration is within every
 * scope's maximum (→ 400 naming the limiting scopes). Returns the catalog rows, in order.
 * One query: it sits on the filing path, where every round trip costs throughput.
 */
export async function checkRequestedScopes(
  tx: Tx,
  options: { agentId: string; scopeKeys: string[]; durationSeconds: number; fields?: { scopes: string; duration: string } },
): Promise<RequestedScope[]> {
  const fields = options.fields ?? { scopes: "scopes", duration: "durationSeconds" };
  const rows = await tx.$queryRaw<(RequestedScope & { eligible: boolean })[]>`
    SELECT s.id, s.key, s.risk::text AS risk, s."maxDurationSeconds", s."autoApprove", (e."scopeId" IS NOT NULL) AS eligible
      FROM "Scope" s
      LEFT JOIN "AgentEligibleScope" e ON e."scopeId" = s.id AND e."agentId" = ${options.agentId}
     WHERE s.key = ANY(${options.scopeKeys}::text[])`;
  const byKey = new Map(rows.map((row) => [row.key, row]));
  assertKnownScopeKeys(options.scopeKeys, byKey, fields.scopes);
  const scopes = options.scopeKeys.map((key) => byKey.get(key)!);

  const ineligible = scopes.flatMap((scope, index) =>
    scope.eligible ? [] : [{ field: `${fields.scopes}.${index}`, message: `${scope.key} is outside this agent's eligible scopes` }],
  );
  if (ineligible.length)
    throw new AppError("FORBIDDEN", `Not eligible for ${ineligible.map((e) => e.message.split(" ")[0]).join(", ")}`, { errors: ineligible });

  const maxDuration = Math.min(...scopes.map((scope) => scope.maxDurationSeconds));
  if (options.durationSeconds > maxDuration) {
    const limiting = scopes.filter((scope) => scope.maxDurationSeconds === maxDuration).map((scope) => scope.key);
    throw new AppError("BAD_REQUEST", `${fields.duration} may be at most ${maxDuration} (the maximum of ${limiting.join(", ")})`, {
      errors: [{ field: fields.duration, message: `must be at most ${maxDuration} seconds` }],
    });
  }
  return scopes.map(({ id, key, risk, maxDurationSeconds, autoApprove }) => ({ id, key, risk, maxDurationSeconds, autoApprove }));
}

import { prisma } from "@/lib/db";
import { type PersonPrincipal } from "@/lib/kernel/principal";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import type { PersonalTokenDto } from "./schemas";
import { toPersonalTokenDto } from "./to-personal-token-dto";

/**
 * The acting person's own tokens, newest first, revoked and expired ones included so their history stays
 * visible; `asOf` tells which are expired and anchors the relative times shown.
 */
export async function listPersonalTokens(options: { principal: PersonPrincipal; clock?: Clock }): Promise<{ asOf: string; tokens: PersonalTokenDto[] }> {
  const now = (options.clock ?? systemClock).now();
  const tokens = await prisma.personalToken.findMany({ where: { userId: options.principal.userId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  return { asOf: now.toISOString(), tokens: tokens.map(toPersonalTokenDto) };
}

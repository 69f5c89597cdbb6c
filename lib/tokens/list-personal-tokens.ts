import { prisma } from "@/lib/db";
import type { PersonActor } from "@/lib/auth/actor";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import type { PersonalTokenDto } from "./schemas";
import { toPersonalTokenDto } from "./to-personal-token-dto";

/**
 * The acting person's own tokens, newest first, revoked and expired ones included so their history stays
 * visible; `asOf` tells which are expired and anchors the relative times shown.
 */
export async function listPersonalTokens(options: { actor: PersonActor; clock?: Clock }): Promise<{ asOf: string; tokens: PersonalTokenDto[] }> {
  const now = (options.clock ?? systemClock).now();
  const tokens = await prisma.personalToken.findMany({ where: { userId: options.actor.userId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  return { asOf: now.toISOString(), tokens: tokens.map(toPersonalTokenDto) };
}

import { prisma } from "@/lib/db";
import { auditActorOf, type PersonPrincipal } from "@/lib/kernel/principal";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { generatePersonalToken } from "./personal-token-format";
import type { CreatePersonalTokenInput, PersonalTokenDto } from "./schemas";
import { storePersonalToken } from "./store-personal-token";
import { toPersonalTokenDto } from "./to-personal-token-dto";

/**
 * Issues a personal API token to the acting person, for themselves only. The token is in the answer and
 * nowhere else: Baton stores its SHA-256, so it can be shown this once and never again.
 */
export async function createPersonalToken(options: {
  principal: PersonPrincipal;
  input: CreatePersonalTokenInput;
  clock?: Clock;
}): Promise<PersonalTokenDto & { token: string }> {
  const now = (options.clock ?? systemClock).now();
  const token = generatePersonalToken();
  const { expiresInSeconds, name } = options.input;
  const expiresAt = expiresInSeconds ? new Date(now.getTime() + expiresInSeconds * 1000) : null;
  const record = await prisma.$transaction((tx) =>
    storePersonalToken(tx, { userId: options.principal.userId, token, name, actor: auditActorOf(options.principal), at: now, expiresAt }),
  );
  return { ...toPersonalTokenDto(record), token };
}

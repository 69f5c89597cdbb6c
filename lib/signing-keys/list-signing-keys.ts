import { prisma } from "@/lib/db";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import type { SigningKeyDto } from "./schemas";
import { toSigningKeyDto } from "./to-signing-key-dto";

const STATE_ORDER = { next: 0, active: 1, retired: 2, expired: 3 } as const;

/** Every signing key — next, active, then retired newest first — with its state now; never the private half. Callers authorize first. */
export async function listSigningKeys(options: { clock?: Clock } = {}): Promise<SigningKeyDto[]> {
  const now = (options.clock ?? systemClock).now();
  const keys = await prisma.signingKey.findMany({ orderBy: { createdAt: "desc" } });
  return keys.map((key) => toSigningKeyDto(key, now)).sort((a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state]);
}

import type { JWK } from "jose";
import { prisma } from "@/lib/db";
import { systemClock, type Clock } from "@/lib/kernel/clock";

/** The JWKS: public halves of the active key and of retired keys still within their overlap. */
export async function listPublishedKeys(options: { clock?: Clock } = {}): Promise<{ keys: JWK[] }> {
  const now = (options.clock ?? systemClock).now();
  const keys = await prisma.signingKey.findMany({ where: { OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] }, orderBy: { createdAt: "desc" } });
  return { keys: keys.map((key) => key.publicJwk as JWK) };
}

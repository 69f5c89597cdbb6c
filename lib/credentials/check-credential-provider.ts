import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/authorization/rules";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { notFound } from "@/lib/kernel/errors";
import type { PersonPrincipal } from "@/lib/kernel/principal";
import { openProviderDriver } from "./open-provider-driver";

/** Tries the admin connection now and remembers the outcome (shown on the providers screen). */
export async function checkCredentialProvider(options: {
  principal: PersonPrincipal;
  providerId: string;
  clock?: Clock;
}): Promise<{ ok: boolean; error: string | null; checkedAt: string }> {
  requireAdmin(options.principal);
  const provider = await prisma.credentialProvider.findUnique({ where: { id: options.providerId } });
  if (!provider) throw notFound("The credential provider");
  let error: string | null = null;
  try {
    await openProviderDriver(provider).check();
  } catch (failure) {
    error = failure instanceof Error ? failure.message : String(failure);
  }
  const now = (options.clock ?? systemClock).now();
  await prisma.credentialProvider.update({ where: { id: provider.id }, data: { lastCheckedAt: now, lastCheckError: error } });
  return { ok: error === null, error, checkedAt: now.toISOString() };
}

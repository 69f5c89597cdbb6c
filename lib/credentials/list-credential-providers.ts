import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/authorization/rules";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import type { PersonPrincipal } from "@/lib/kernel/principal";
import { activeCredentialWhere, cleanupDueWhere } from "./credential-where";
import type { CredentialProviderDto } from "./schemas";
import { providerInclude, toProviderDto } from "./to-provider-dto";

export async function listCredentialProviders(options: { principal: PersonPrincipal; clock?: Clock }): Promise<CredentialProviderDto[]> {
  requireAdmin(options.principal);
  const now = (options.clock ?? systemClock).now();
  const providers = await prisma.credentialProvider.findMany({ include: providerInclude, orderBy: { name: "asc" } });
  return Promise.all(
    providers.map(async (provider) =>
      toProviderDto(provider, {
        active: await prisma.issuedCredential.count({ where: { providerId: provider.id, ...activeCredentialWhere(now) } }),
        cleanupPending: await prisma.issuedCredential.count({ where: { providerId: provider.id, ...cleanupDueWhere(now) } }),
      }),
    ),
  );
}

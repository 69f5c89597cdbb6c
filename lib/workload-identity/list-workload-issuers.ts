import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/authorization/rules";
import type { PersonPrincipal } from "@/lib/kernel/principal";
import type { WorkloadIssuerDto } from "./schemas";
import { toWorkloadIssuerDto } from "./to-workload-dto";

export async function listWorkloadIssuers(options: { principal: PersonPrincipal }): Promise<WorkloadIssuerDto[]> {
  requireAdmin(options.principal);
  const issuers = await prisma.workloadIssuer.findMany({ orderBy: { name: "asc" }, include: { _count: { select: { identities: true } } } });
  return issuers.map(toWorkloadIssuerDto);
}

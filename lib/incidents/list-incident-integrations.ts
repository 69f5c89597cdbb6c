import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/authorization/rules";
import { type PersonPrincipal } from "@/lib/kernel/principal";
import type { IntegrationDto } from "./schemas";
import { toIntegrationDto } from "./to-integration-dto";

export async function listIncidentIntegrations(options: { principal: PersonPrincipal }): Promise<IntegrationDto[]> {
  requireAdmin(options.principal);
  return (await prisma.incidentIntegration.findMany({ orderBy: { slug: "asc" } })).map(toIntegrationDto);
}

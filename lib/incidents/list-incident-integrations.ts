import { prisma } from "@/lib/db";
import { requireAdmin, type PersonActor } from "@/lib/auth/actor";
import type { IntegrationDto } from "./schemas";
import { toIntegrationDto } from "./to-integration-dto";

export async function listIncidentIntegrations(options: { actor: PersonActor }): Promise<IntegrationDto[]> {
  requireAdmin(options.actor);
  return (await prisma.incidentIntegration.findMany({ orderBy: { slug: "asc" } })).map(toIntegrationDto);
}

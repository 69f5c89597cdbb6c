import { prisma } from "@/lib/db";
import type { ResourceServerDto } from "./schemas";
import { resourceServerInclude, toResourceServerDto } from "./to-resource-server-dto";

/** Every registered resource server with the scopes it enforces; never a secret. Callers authorize first. */
export async function listResourceServers(): Promise<ResourceServerDto[]> {
  const servers = await prisma.resourceServer.findMany({ orderBy: { name: "asc" }, include: resourceServerInclude });
  return servers.map(toResourceServerDto);
}

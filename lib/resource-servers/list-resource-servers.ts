import { prisma } from "@/lib/db";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import type { ResourceServerDto } from "./schemas";
import { resourceServerInclude, toResourceServerDto } from "./to-resource-server-dto";

/** Every registered resource server with the scopes it enforces, revoked ones last; never a secret. Callers authorize first. */
export async function listResourceServers(options: { clock?: Clock } = {}): Promise<ResourceServerDto[]> {
  const now = (options.clock ?? systemClock).now();
  const servers = await prisma.resourceServer.findMany({
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { name: "asc" }],
    include: resourceServerInclude,
  });
  return servers.map((server) => toResourceServerDto(server, now));
}

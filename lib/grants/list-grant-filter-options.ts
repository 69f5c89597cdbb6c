import { prisma } from "@/lib/db";

const INCIDENTS_OFFERED = 50;

/** What the grants filters offer: every agent and scope by name, and the open and latest incidents. */
export async function listGrantFilterOptions() {
  const [agents, scopes, incidents] = await Promise.all([
    prisma.agent.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    prisma.scope.findMany({ select: { key: true }, orderBy: { key: "asc" } }),
    prisma.incident.findMany({ select: { id: true, title: true, status: true }, orderBy: [{ status: "asc" }, { openedAt: "desc" }], take: INCIDENTS_OFFERED }),
  ]);
  return { agents, scopes: scopes.map((scope) => scope.key), incidents };
}

export type GrantFilterOptions = Awaited<ReturnType<typeof listGrantFilterOptions>>;

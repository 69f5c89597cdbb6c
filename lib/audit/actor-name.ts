import type { Tx } from "@/lib/db";

/** How a refusal names whoever acted first: a person's name, "the agent <name>", or "Baton" for the system itself. */
export async function actorName(db: Tx, kind: string | null | undefined, id: string | null | undefined): Promise<string> {
  if (kind === "USER" && id) return (await db.user.findUnique({ where: { id }, select: { name: true } }))?.name ?? "a person since removed";
  if (kind === "AGENT" && id) return `the agent ${(await db.agent.findUnique({ where: { id }, select: { name: true } }))?.name ?? id}`;
  if (kind === "INTEGRATION") return "an incident tool";
  if (kind === "RESOURCE_SERVER") return "a resource server";
  return "Baton";
}

import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/kernel/errors";

/** Audience → resource server id; undefined leaves it unchanged, null clears it, an unknown audience is a 400 naming the field. */
export async function resolveResourceServer(tx: Tx, audience: string | null | undefined): Promise<string | null | undefined> {
  if (audience === undefined || audience === null) return audience;
  const server = await tx.resourceServer.findUnique({ where: { audience }, select: { id: true, revokedAt: true } });
  if (!server || server.revokedAt)
    throw new AppError("BAD_REQUEST", `No resource server has the audience ${audience}`, {
      errors: [{ field: "resourceServer", message: `no resource server has the audience ${audience}` }],
    });
  return server.id;
}

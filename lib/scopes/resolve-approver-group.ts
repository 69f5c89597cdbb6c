import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/kernel/errors";

/** Group name → id; undefined leaves it unchanged, null clears it, an unknown name is a 400 naming the field. */
export async function resolveApproverGroup(tx: Tx, name: string | null | undefined): Promise<string | null | undefined> {
  if (name === undefined || name === null) return name;
  const group = await tx.approverGroup.findUnique({ where: { name }, select: { id: true } });
  if (!group)
    throw new AppError("BAD_REQUEST", `No approver group is named ${name}`, {
      errors: [{ field: "approverGroup", message: `no approver group is named ${name}` }],
    });
  return group.id;
}

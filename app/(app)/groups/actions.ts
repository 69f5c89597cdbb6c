"use server";
import { revalidatePath } from "next/cache";
import { createGroup } from "@/lib/groups/create-group";
import { createGroupForm } from "@/lib/groups/form-schemas";
import { formAction } from "@/lib/http/form-action";

export const createGroupAction = formAction({ access: "signed-in", roles: ["ADMIN"], schema: createGroupForm }, async (input, user) => {
  await createGroup({ actor: { userId: user.id, role: user.role }, input });
  revalidatePath("/groups");
});

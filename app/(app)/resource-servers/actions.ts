"use server";
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/http/form-action";
import { createResourceServer } from "@/lib/resource-servers/create-resource-server";
import { createResourceServerForm, type CreatedResourceServerFormState } from "@/lib/resource-servers/form-schemas";

// formAction passes the handler's state through untouched, so the new secret reaches the form that asked for it.
type CreateAction = (previous: CreatedResourceServerFormState, formData: FormData) => Promise<CreatedResourceServerFormState>;

export const createResourceServerAction: CreateAction = formAction({ access: "signed-in", roles: ["ADMIN"], schema: createResourceServerForm }, async (input, user) => {
  const created = await createResourceServer({ actor: { userId: user.id, role: user.role }, input });
  revalidatePath("/resource-servers");
  return { ok: true, issuedSecret: created.secret };
});

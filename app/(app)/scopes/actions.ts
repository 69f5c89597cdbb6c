"use server";
import { mayAdminister } from "@/lib/authorization/rules";
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/http/form-action";
import { createScope } from "@/lib/scopes/create-scope";
import { createScopeForm, updateScopeForm } from "@/lib/scopes/form-schemas";
import { updateScope } from "@/lib/scopes/update-scope";

export const createScopeAction = formAction({ access: "signed-in", allow: mayAdminister, schema: createScopeForm }, async (input, user) => {
  await createScope({ principal: user, input });
  revalidatePath("/scopes");
});

export const updateScopeAction = formAction({ access: "signed-in", allow: mayAdminister, schema: updateScopeForm }, async ({ key, ...input }, user) => {
  await updateScope({ principal: user, key, input });
  revalidatePath("/scopes");
});

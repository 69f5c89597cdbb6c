"use server";
import { mayAdminister } from "@/lib/authorization/rules";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createAgent } from "@/lib/agents/create-agent";
import { registerAgentForm } from "@/lib/agents/form-schemas";
import { formAction } from "@/lib/http/form-action";

export const registerAgentAction = formAction({ access: "signed-in", allow: mayAdminister, schema: registerAgentForm }, async (input, user) => {
  const agent = await createAgent({ principal: user, input });
  revalidatePath("/agents");
  redirect(`/agents/${agent.id}`);
});

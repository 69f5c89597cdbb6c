"use server";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/http/form-action";
import { completeSetup } from "@/lib/setup/complete-setup";
import { completeSetupSchema } from "@/lib/setup/schemas";

export const completeSetupAction = formAction({ access: "public", schema: completeSetupSchema }, async (input) => {
  await completeSetup(input);
  redirect("/sign-in?setup=done");
});

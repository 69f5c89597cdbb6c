"use server";
import { signInWithNewPassword } from "@/lib/auth/sign-in-with-new-password";
import { formAction } from "@/lib/http/form-action";
import { completeSetup } from "@/lib/setup/complete-setup";
import { completeSetupSchema } from "@/lib/setup/schemas";

export const completeSetupAction = formAction({ access: "public", schema: completeSetupSchema }, async (input) => {
  const admin = await completeSetup(input);
  await signInWithNewPassword({ email: admin.email, password: input.password, fallback: "/sign-in?setup=done" });
});

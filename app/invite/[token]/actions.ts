"use server";
import { signInWithNewPassword } from "@/lib/auth/sign-in-with-new-password";
import { formAction } from "@/lib/http/form-action";
import { acceptInvitation } from "@/lib/users/accept-invitation";
import { acceptInvitationSchema } from "@/lib/users/form-schemas";

export const acceptInvitationAction = formAction({ access: "public", schema: acceptInvitationSchema }, async (input) => {
  const { email } = await acceptInvitation(input);
  await signInWithNewPassword({ email, password: input.password, fallback: "/sign-in?invitation=accepted" });
});

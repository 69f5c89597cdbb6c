"use server";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/http/form-action";
import { acceptInvitation } from "@/lib/users/accept-invitation";
import { acceptInvitationSchema } from "@/lib/users/form-schemas";

export const acceptInvitationAction = formAction({ access: "public", schema: acceptInvitationSchema }, async (input) => {
  await acceptInvitation(input);
  redirect("/sign-in?invitation=accepted");
});

"use server";
import { AuthError } from "next-auth";
import { signIn, signOut } from "@/lib/auth";
import { recordSignOut } from "@/lib/auth/record-sign-out";
import { signInSchema } from "@/lib/auth/schemas";
import { AppError } from "@/lib/kernel/errors";
import { formAction } from "@/lib/http/form-action";
import { z } from "zod";

export const signInAction = formAction({ access: "public", schema: signInSchema }, async ({ email, password, callbackUrl }) => {
  try {
    await signIn("credentials", { email, password, redirectTo: callbackUrl });
  } catch (error) {
    if (error instanceof AuthError) throw new AppError("UNAUTHENTICATED", "The email or password is not correct.");
    throw error;
  }
});

export const signOutAction = formAction({ access: "signed-in", schema: z.object({}) }, async (_input, user) => {
  await recordSignOut({ principal: user });
  await signOut({ redirectTo: "/sign-in" });
});

"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { signOut } from "@/lib/auth";
import { signOutEverywhere } from "@/lib/auth/sign-out-everywhere";
import { formAction } from "@/lib/http/form-action";
import { createPersonalToken } from "@/lib/tokens/create-personal-token";
import { createPersonalTokenForm, revokePersonalTokenForm, type CreatedTokenFormState } from "@/lib/tokens/form-schemas";
import { revokePersonalToken } from "@/lib/tokens/revoke-personal-token";

// formAction passes the handler's state through untouched, so the new token reaches the form that asked for it.
type CreateTokenAction = (previous: CreatedTokenFormState, formData: FormData) => Promise<CreatedTokenFormState>;

export const createPersonalTokenAction: CreateTokenAction = formAction({ access: "signed-in", schema: createPersonalTokenForm }, async (input, user) => {
  const created = await createPersonalToken({ principal: user, input });
  revalidatePath("/profile");
  return { ok: true, createdToken: created.token };
});

export const revokePersonalTokenAction = formAction({ access: "signed-in", schema: revokePersonalTokenForm }, async ({ tokenId }, user) => {
  await revokePersonalToken({ principal: user, tokenId });
  revalidatePath("/profile");
});

export const signOutEverywhereAction = formAction({ access: "signed-in", schema: z.object({}) }, async (_input, user) => {
  await signOutEverywhere({ principal: user });
  await signOut({ redirectTo: "/sign-in" });
});

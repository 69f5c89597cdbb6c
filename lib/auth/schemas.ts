import { z } from "zod";
import { safeRedirectTarget } from "@/lib/http/safe-redirect-target";

/** A return target that stays on Baton (see safeRedirectTarget); anything else, of any type, becomes `/`. */
export const callbackPathSchema = z.unknown().transform((value) => safeRedirectTarget(value));

export const signInSchema = z.object({
  email: z.string().trim().min(1, "Enter your email").max(320),
  password: z.string().min(1, "Enter your password").max(1024),
  callbackUrl: callbackPathSchema,
});

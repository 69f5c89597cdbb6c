import { z } from "zod";

/** Only same-site paths: an absolute or protocol-relative URL here would be an open redirect. */
export const callbackPathSchema = z
  .string()
  .optional()
  .transform((value) => (value && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : "/"));

export const signInSchema = z.object({
  email: z.string().trim().min(1, "Enter your email").max(320),
  password: z.string().min(1, "Enter your password").max(1024),
  callbackUrl: callbackPathSchema,
});

import { z } from "zod";
import { passwordSchema } from "@/lib/kernel/common-schemas";

export const completeSetupSchema = z.object({
  token: z.string().min(16).max(128),
  name: z.string().trim().min(1, "Enter your name").max(100),
  email: z.email("Enter a valid email address").max(320),
  password: passwordSchema,
});

export type CompleteSetupInput = z.infer<typeof completeSetupSchema>;

import { z } from "zod";
import { emailSchema, isoDate, passwordSchema } from "@/lib/kernel/common-schemas";

export const roleSchema = z.enum(["ADMIN", "APPROVER", "COMMANDER", "VIEWER"]);

export const createUserBody = z
  .strictObject({
    email: emailSchema,
    name: z.string().trim().min(1).max(100),
    role: roleSchema,
    password: passwordSchema.optional().meta({ description: "Omit to get a one-time invitation link instead" }),
  })
  .meta({ id: "CreateUser" });

export const userSchema = z
  .object({ id: z.string(), email: z.string(), name: z.string(), role: roleSchema, disabled: z.boolean(), createdAt: isoDate })
  .meta({ id: "User" });

export const createdUserSchema = userSchema
  .extend({
    invitationUrl: z.string().nullable().meta({ description: "One-time link (valid 7 days) for the person to set a password; null when a password was given" }),
  })
  .meta({ id: "CreatedUser" });

export type CreateUserBody = z.infer<typeof createUserBody>;
export type UserDto = z.infer<typeof userSchema>;

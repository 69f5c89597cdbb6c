import { z } from "zod";
import { emailSchema } from "@/lib/kernel/common-schemas";
import { createGroupBody } from "./schemas";

/** Member emails typed one per line or separated by commas; a bad one is named rather than counted. */
const emailList = z.string().transform((text, context) => {
  const emails = text.split(/[\s,;]+/).filter(Boolean);
  for (const email of emails) if (!emailSchema.safeParse(email).success) context.addIssue({ code: "custom", message: `${email} is not an email address` });
  return emails;
});

export const createGroupForm = z.object({ ...createGroupBody.shape, memberEmails: emailList.pipe(createGroupBody.shape.memberEmails.unwrap()) });

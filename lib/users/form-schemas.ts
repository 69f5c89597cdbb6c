import { z } from "zod";
import { passwordSchema } from "@/lib/kernel/common-schemas";

export const acceptInvitationSchema = z.object({ token: z.string().min(16).max(128), password: passwordSchema });

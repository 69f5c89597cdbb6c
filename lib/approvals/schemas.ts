import { z } from "zod";
import { plainText, scopeKeySchema } from "@/lib/api/common-schemas";

export const STEP_UP_WINDOW_MS = 10 * 60 * 1000;

export const approveInput = z.object({
  requestId: z.string().max(64),
  comment: plainText(1000).default(""),
  /** Empty or absent: approve every requested scope. */
  scopes: z.array(scopeKeySchema).max(20).optional(),
  durationSeconds: z.number().int().min(60).optional(),
});

export const denyInput = z.object({
  requestId: z.string().max(64),
  reason: plainText(1000).pipe(z.string().min(3, "Say why the request is denied")),
});

export type ApproveInput = z.infer<typeof approveInput>;
export type DenyInput = z.infer<typeof denyInput>;

export type DecisionOutcome = "approved" | "recorded" | "denied";

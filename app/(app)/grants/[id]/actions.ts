"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { idOf, plainText } from "@/lib/kernel/common-schemas";
import { revokeGrant } from "@/lib/grants/revoke-grant";
import { formAction } from "@/lib/http/form-action";

const revokeGrantForm = z.object({
  grantId: idOf("grt"),
  reason: plainText(500).pipe(z.string().min(1, "Say why the grant is revoked")),
});

/** revokeGrant decides who may revoke, so an approver or agent owner gets here too, not only admins. */
export const revokeGrantAction = formAction({ access: "signed-in", schema: revokeGrantForm }, async ({ grantId, reason }, user) => {
  await revokeGrant({ principal: user, grantId, reason });
  revalidatePath(`/grants/${grantId}`);
  revalidatePath("/grants");
});

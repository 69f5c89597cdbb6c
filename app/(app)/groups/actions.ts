"use server";
import { mayAdminister } from "@/lib/authorization/rules";
import { revalidatePath } from "next/cache";
import { createGroup } from "@/lib/groups/create-group";
import { createGroupForm } from "@/lib/groups/form-schemas";
import { updateGroup } from "@/lib/groups/update-group";
import { formAction } from "@/lib/http/form-action";
import { groupChatWebhookForm } from "@/lib/webhooks/form-schemas";

export const createGroupAction = formAction({ access: "signed-in", allow: mayAdminister, schema: createGroupForm }, async (input, user) => {
  await createGroup({ principal: user, input });
  revalidatePath("/groups");
});

export const setGroupChatWebhookAction = formAction(
  { access: "signed-in", allow: mayAdminister, schema: groupChatWebhookForm },
  async ({ id, chatWebhookUrl }, user) => {
    await updateGroup({ principal: user, groupId: id, input: { chatWebhookUrl } });
    revalidatePath("/groups");
  },
);

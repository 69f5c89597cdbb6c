"use server";
import { mayAdminister } from "@/lib/authorization/rules";
import { revalidatePath } from "next/cache";
import { createGroup } from "@/lib/groups/create-group";
import { createGroupForm } from "@/lib/groups/form-schemas";
import { updateGroup } from "@/lib/groups/update-group";
import { formAction } from "@/lib/http/form-action";
import { systemClock } from "@/lib/kernel/clock";
import { onCallForm } from "@/lib/on-call/form-schemas";
import { setOnCall } from "@/lib/on-call/set-on-call";
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

export const setOnCallAction = formAction({ access: "signed-in", allow: mayAdminister, schema: onCallForm }, async ({ id, userIds, forDuration }, user) => {
  const until = forDuration === null ? null : new Date(systemClock.now().getTime() + forDuration * 1000).toISOString();
  await setOnCall({ principal: user, groupId: id, input: { userIds, until } });
  revalidatePath("/groups");
});

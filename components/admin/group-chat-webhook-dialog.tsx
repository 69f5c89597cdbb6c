"use client";
import { setGroupChatWebhookAction } from "@/app/(app)/groups/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { GroupDto } from "@/lib/groups/schemas";
import { FormDialog } from "./form-dialog";
import { bindField } from "@/components/shared/bind-field";

export function GroupChatWebhookDialog({ group }: { group: GroupDto }) {
  return (
    <FormDialog
      trigger={
        <Button variant="outline" size="sm" aria-label={`Chat notifications for ${group.name}`}>
          {group.chatWebhookConfigured ? "Change" : "Set up"}
        </Button>
      }
      title={`Chat notifications for ${group.name}`}
      description="Each new request routed to this group is posted to a Slack-compatible incoming webhook: who asks, for what, for whom, why and for how long, with a link to decide in Baton. Decisions stay in Baton."
      submitLabel="Save"
      action={setGroupChatWebhookAction}
      fields={(state) => (
        <>
          <input type="hidden" name="id" value={group.id} />
          <Field
            label="Incoming-webhook URL"
            type="url"
            autoComplete="off"
            {...bindField(state, "chatWebhookUrl")}
            hint={
              group.chatWebhookConfigured
                ? "A URL is set (it is stored encrypted and not shown). Enter a new one to replace it, or leave empty and save to turn notifications off."
                : "Such as https://hooks.slack.com/services/…; leave empty for none."
            }
          />
        </>
      )}
    />
  );
}

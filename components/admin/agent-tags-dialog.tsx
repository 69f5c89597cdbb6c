"use client";
import { setAgentTagsAction } from "@/app/(app)/agents/[id]/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormDialog } from "./form-dialog";

export function AgentTagsDialog({ agentId, agentName, tags }: { agentId: string; agentName: string; tags: readonly string[] }) {
  return (
    <FormDialog
      trigger={
        <Button variant="outline" size="sm">
          Edit tags<span className="sr-only"> of {agentName}</span>
        </Button>
      }
      title={`Tags of ${agentName}`}
      description="Labels policies can match, such as oncall-bot. The change is recorded in the audit log."
      submitLabel="Save tags"
      action={setAgentTagsAction}
      fields={(state) => (
        <>
          <input type="hidden" name="agentId" value={agentId} />
          <Field
            label="Tags"
            name="tags"
            autoComplete="off"
            className="font-mono"
            defaultValue={state.values?.tags ?? tags.join(", ")}
            error={state.fieldErrors?.tags}
            hint="Separated by commas; lower-case letters, digits, '.', '_' or '-'. Leave empty for none."
          />
        </>
      )}
    />
  );
}

"use client";
import { deleteScheduleAction, saveScheduleAction } from "@/app/(app)/schedules/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { TextareaField } from "@/components/ui/textarea";
import { scheduleFormText } from "@/lib/schedules/form-schemas";
import type { ScheduleDto } from "@/lib/schedules/schemas";
import { ConfirmDialog } from "./confirm-dialog";
import { FormDialog } from "./form-dialog";

const TIMEZONES_LIST = "schedule-timezones";

/** Creates a schedule, or edits `schedule`: rules and windows one per line, read on the schedule's own clock. */
export function ScheduleDialog({ schedule }: { schedule?: ScheduleDto }) {
  const text = schedule ? scheduleFormText(schedule) : { weeklyRules: "", oneOffWindows: "" };
  return (
    <FormDialog
      trigger={
        schedule ? (
          <Button size="sm" variant="outline">
            Edit<span className="sr-only"> {schedule.name}</span>
          </Button>
        ) : (
          <Button>New schedule</Button>
        )
      }
      title={schedule ? `Edit ${schedule.name}` : "New schedule"}
      description="A named window policies can test, such as a change window: weekly rules plus one-off windows, in one timezone."
      submitLabel={schedule ? "Save schedule" : "Create schedule"}
      action={saveScheduleAction}
      wide
      fields={(state) => {
        const initial = (field: string, fallback: string) => state.values?.[field] ?? fallback;
        return (
          <>
            {schedule && <input type="hidden" name="id" value={schedule.id} />}
            <div className="grid gap-4 sm:grid-cols-2">
              <Field
                label="Name"
                name="name"
                required
                autoComplete="off"
                className="font-mono"
                defaultValue={initial("name", schedule?.name ?? "")}
                error={state.fieldErrors?.name}
                hint="How policies name it, such as prod-change-window."
              />
              <Field
                label="Timezone"
                name="timezone"
                required
                autoComplete="off"
                list={TIMEZONES_LIST}
                defaultValue={initial("timezone", schedule?.timezone ?? browserTimezone())}
                error={state.fieldErrors?.timezone}
                hint="An IANA zone such as Europe/Berlin; the rules follow its daylight saving time."
              />
            </div>
            <datalist id={TIMEZONES_LIST}>
              {Intl.supportedValuesOf("timeZone").map((zone) => (
                <option key={zone} value={zone} />
              ))}
            </datalist>
            <TextareaField
              label="Description"
              name="description"
              rows={2}
              defaultValue={initial("description", schedule?.description ?? "")}
              error={state.fieldErrors?.description}
            />
            <TextareaField
              label="Weekly rules"
              name="weeklyRules"
              rows={3}
              className="font-mono"
              defaultValue={initial("weeklyRules", text.weeklyRules)}
              error={state.fieldErrors?.weeklyRules}
              hint="One per line: days and times, such as mon-fri 09:00-17:00 or tue,thu 10:00-12:00. An end before the start runs past midnight (fri 22:00-02:00)."
            />
            <TextareaField
              label="One-off windows"
              name="oneOffWindows"
              rows={3}
              className="font-mono"
              defaultValue={initial("oneOffWindows", text.oneOffWindows)}
              error={state.fieldErrors?.oneOffWindows}
              hint="One per line, in the schedule's timezone, with an optional note: 2026-12-24 08:00 - 2026-12-24 10:00 Hotfix slot."
            />
          </>
        );
      }}
    />
  );
}

function browserTimezone(): string {
  return typeof Intl === "undefined" ? "UTC" : Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function DeleteScheduleDialog({ schedule }: { schedule: ScheduleDto }) {
  return (
    <ConfirmDialog
      trigger={
        <Button size="sm" variant="outline">
          Delete<span className="sr-only"> {schedule.name}</span>
        </Button>
      }
      title={`Delete ${schedule.name}?`}
      description="A policy that still names it will find it closed. The audit log keeps what it was."
      confirmLabel="Delete schedule"
      action={deleteScheduleAction}
      fields={() => <input type="hidden" name="id" value={schedule.id} />}
    />
  );
}

"use server";
import { mayAdminister } from "@/lib/authorization/rules";
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/http/form-action";
import { createSchedule } from "@/lib/schedules/create-schedule";
import { deleteSchedule } from "@/lib/schedules/delete-schedule";
import { scheduleForm, scheduleIdForm } from "@/lib/schedules/form-schemas";
import { updateSchedule } from "@/lib/schedules/update-schedule";

const admin = { access: "signed-in", allow: mayAdminister } as const;

export const saveScheduleAction = formAction({ ...admin, schema: scheduleForm }, async ({ id, ...input }, user) => {
  if (id) await updateSchedule({ principal: user, scheduleId: id, input });
  else await createSchedule({ principal: user, input });
  revalidatePath("/schedules");
});

export const deleteScheduleAction = formAction({ ...admin, schema: scheduleIdForm }, async ({ id }, user) => {
  await deleteSchedule({ principal: user, scheduleId: id });
  revalidatePath("/schedules");
});

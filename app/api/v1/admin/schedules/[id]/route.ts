import { route } from "@/lib/api/route-table";
import { apiRoute, json } from "@/lib/http/api-route";
import { deleteSchedule } from "@/lib/schedules/delete-schedule";
import { getSchedule } from "@/lib/schedules/get-schedule";
import { updateSchedule } from "@/lib/schedules/update-schedule";

export const GET = apiRoute(route("get", "/api/v1/admin/schedules/{id}"), async ({ params, clock }) =>
  json(await getSchedule({ scheduleId: params.id, clock })),
);

export const PATCH = apiRoute(route("patch", "/api/v1/admin/schedules/{id}"), async ({ caller, params, body, clock }) =>
  json(await updateSchedule({ principal: caller, scheduleId: params.id, input: body, clock })),
);

export const DELETE = apiRoute(route("delete", "/api/v1/admin/schedules/{id}"), async ({ caller, params, clock }) => {
  await deleteSchedule({ principal: caller, scheduleId: params.id, clock });
  return new Response(null, { status: 204 });
});

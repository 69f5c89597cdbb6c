import { route } from "@/lib/api/route-table";
import { apiRoute, json } from "@/lib/http/api-route";
import { createSchedule } from "@/lib/schedules/create-schedule";
import { listSchedules } from "@/lib/schedules/list-schedules";

export const GET = apiRoute(route("get", "/api/v1/admin/schedules"), async ({ clock }) => json({ items: await listSchedules({ clock }) }));

export const POST = apiRoute(route("post", "/api/v1/admin/schedules"), async ({ caller, body, clock }) =>
  json(await createSchedule({ principal: caller, input: body, clock }), 201),
);

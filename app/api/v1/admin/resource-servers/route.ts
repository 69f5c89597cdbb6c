import { route } from "@/lib/api/route-table";
import { apiRoute, json } from "@/lib/http/api-route";
import { createResourceServer } from "@/lib/resource-servers/create-resource-server";
import { listResourceServers } from "@/lib/resource-servers/list-resource-servers";

export const GET = apiRoute(route("get", "/api/v1/admin/resource-servers"), async () => json({ items: await listResourceServers() }));

export const POST = apiRoute(route("post", "/api/v1/admin/resource-servers"), async ({ caller, body }) =>
  json(await createResourceServer({ principal: caller, input: body }), 201),
);

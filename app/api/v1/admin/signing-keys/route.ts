import { route } from "@/lib/api/route-table";
import { apiRoute, json } from "@/lib/http/api-route";
import { listSigningKeys } from "@/lib/signing-keys/list-signing-keys";

export const GET = apiRoute(route("get", "/api/v1/admin/signing-keys"), async ({ clock }) => json({ items: await listSigningKeys({ clock }) }));

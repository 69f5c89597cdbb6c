import { apiRoute, json } from "@/lib/http/api-route";
import { listSigningKeys } from "@/lib/signing-keys/list-signing-keys";

export const GET = apiRoute({ caller: "admin" }, async ({ clock }) => json({ items: await listSigningKeys({ clock }) }));

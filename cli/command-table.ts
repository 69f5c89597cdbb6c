import type { CliContext } from "./cli-context";
import * as usage from "./usage";

export interface Command {
  /** As typed after `baton`, e.g. `request` or `admin keys`. */
  name: string;
  usage: string;
  // Loaded only once the command is known, so --help and typos never pay for zod and the client.
  load: () => Promise<{ run: (args: string[], context: CliContext) => Promise<number> }>;
}

export const COMMANDS: Command[] = [
  { name: "request", usage: usage.REQUEST_USAGE, load: () => import("./commands/request") },
  { name: "status", usage: usage.STATUS_USAGE, load: () => import("./commands/status") },
  { name: "grants", usage: usage.GRANTS_USAGE, load: () => import("./commands/grants") },
  { name: "cancel", usage: usage.CANCEL_USAGE, load: () => import("./commands/cancel") },
  { name: "credentials", usage: usage.CREDENTIALS_USAGE, load: () => import("./commands/credentials") },
  { name: "mcp", usage: usage.MCP_USAGE, load: () => import("./commands/mcp") },
  { name: "admin scopes", usage: usage.ADMIN_SCOPES_USAGE, load: () => import("./commands/admin-scopes") },
  { name: "admin agents", usage: usage.ADMIN_AGENTS_USAGE, load: () => import("./commands/admin-agents") },
  { name: "admin keys", usage: usage.ADMIN_KEYS_USAGE, load: () => import("./commands/admin-keys") },
  { name: "admin groups", usage: usage.ADMIN_GROUPS_USAGE, load: () => import("./commands/admin-groups") },
  { name: "admin users", usage: usage.ADMIN_USERS_USAGE, load: () => import("./commands/admin-users") },
  { name: "admin signing-keys", usage: usage.ADMIN_SIGNING_KEYS_USAGE, load: () => import("./commands/admin-signing-keys") },
  { name: "plan", usage: usage.PLAN_USAGE, load: () => import("./commands/plan") },
  { name: "apply", usage: usage.APPLY_USAGE, load: () => import("./commands/apply") },
  { name: "export", usage: usage.EXPORT_USAGE, load: () => import("./commands/export") },
  { name: "pdp", usage: usage.PDP_USAGE, load: () => import("./commands/pdp") },
];

import type { ProviderKind } from "./privilege-grammar";

const SCHEMES: Record<ProviderKind, string> = { postgresql: "postgresql", mariadb: "mysql", redis: "redis", rabbitmq: "amqp" };

/** A connection URL carrying the credential (for `psql`, `mysql`, `redis-cli -u`, AMQP clients). */
export function credentialUrl(
  kind: ProviderKind,
  c: { username: string; password: string; host: string; port: number; database?: string; vhost?: string },
): string {
  const host = c.host.includes(":") ? `[${c.host}]` : c.host;
  const path = c.database !== undefined ? `/${encodeURIComponent(c.database)}` : c.vhost !== undefined ? `/${encodeURIComponent(c.vhost)}` : "";
  return `${SCHEMES[kind]}://${encodeURIComponent(c.username)}:${encodeURIComponent(c.password)}@${host}:${c.port}${path}`;
}

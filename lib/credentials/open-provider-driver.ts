import type { CredentialProvider } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/kernel/errors";
import { mariadbProvider } from "./mariadb-provider";
import { postgresqlProvider } from "./postgresql-provider";
import type { ProviderKind } from "./privilege-grammar";
import { ProviderRefusedError, ProviderUnavailableError, type CredentialProviderDriver, type ProviderConnection } from "./provider";
import { openProviderSecret } from "./provider-secret";
import { rabbitmqProvider } from "./rabbitmq-provider";
import { redisProvider } from "./redis-provider";

export const DEFAULT_PORTS: Record<ProviderKind, number> = { postgresql: 5432, mariadb: 3306, redis: 6379, rabbitmq: 5672 };
export const DEFAULT_USERS: Record<ProviderKind, string> = { postgresql: "postgres", mariadb: "root", redis: "default", rabbitmq: "guest" };

/** The stored connection, without its secret. */
export interface StoredConnection {
  host: string;
  port: number;
  user: string;
  database?: string;
  managementUrl?: string;
}

/** Every principal Baton creates in this provider starts with this; reconciliation touches nothing else. */
export const namePrefixOf = (provider: { tag: string }) => `baton_${provider.tag}_`;
export const markerOf = (provider: { tag: string }) => `baton:${provider.tag}`;

const DRIVERS: Record<ProviderKind, (connection: ProviderConnection, name: string) => CredentialProviderDriver> = {
  postgresql: postgresqlProvider,
  mariadb: mariadbProvider,
  redis: redisProvider,
  rabbitmq: rabbitmqProvider,
};

export function driverFor(kind: ProviderKind, connection: ProviderConnection, name: string): CredentialProviderDriver {
  return DRIVERS[kind](connection, name);
}

/** A driver for a stored provider, its admin secret opened for this use only. */
export function openProviderDriver(provider: Pick<CredentialProvider, "id" | "name" | "kind" | "connection" | "secretSealed">): CredentialProviderDriver {
  const connection = provider.connection as unknown as StoredConnection;
  return driverFor(
    provider.kind as ProviderKind,
    { ...connection, password: provider.secretSealed ? openProviderSecret(provider.id, provider.secretSealed) : null },
    provider.name,
  );
}

/**
 * A provider failure as the API answers it: unreachable → 503 with Retry-After; refused → 422. A connection
 * being saved that cannot be reached is invalid input (422), not Baton being unavailable.
 */
export function providerProblem(error: unknown, field = "connection", options: { unreachableIsInvalid?: boolean } = {}): unknown {
  if (error instanceof ProviderUnavailableError && options.unreachableIsInvalid)
    return new AppError("UNPROCESSABLE", error.message, { errors: [{ field, message: error.message }] });
  if (error instanceof ProviderUnavailableError) return new AppError("UNAVAILABLE", error.message, { retryAfterSeconds: 5 });
  if (error instanceof ProviderRefusedError) return new AppError("UNPROCESSABLE", error.message, { errors: [{ field, message: error.message }] });
  return error;
}

import { z } from "zod";
import { idOf, isoDate, plainText } from "@/lib/kernel/common-schemas";
import { PROVIDER_KINDS } from "./privilege-grammar";

export const providerNameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, "must be 2–63 characters of a–z, 0–9, '.', '_' or '-'")
  .meta({ example: "orders-db" });

const hostSchema = z.string().regex(/^[A-Za-z0-9.:_-]{1,253}$/, "must be a host name or an IP address");

export const providerConnectionBody = z
  .strictObject({
    host: hostSchema,
    port: z.number().int().min(1).max(65535).optional().meta({ description: "Defaults: 5432, 3306, 6379, 5672" }),
    user: z.string().min(1).max(128).optional().meta({ description: "The admin user (Redis: default `default`; RabbitMQ: a management administrator)" }),
    password: z.string().max(1024).optional().meta({ description: "Sealed at rest and never shown again" }),
    database: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_$-]{0,62}$/, "must be a plain database name")
      .optional()
      .meta({ description: "PostgreSQL and MariaDB: the database principals are granted in" }),
    managementUrl: z
      .url({ protocol: /^https?$/ })
      .max(500)
      .optional()
      .meta({ description: "RabbitMQ: the management HTTP API, default http://<host>:15672" }),
  })
  .meta({ id: "CredentialProviderConnection" });

export const createCredentialProviderBody = z
  .strictObject({ name: providerNameSchema, kind: z.enum(PROVIDER_KINDS), connection: providerConnectionBody })
  .meta({ id: "CreateCredentialProvider" });

export const updateCredentialProviderBody = z
  .strictObject({
    connection: providerConnectionBody.partial().meta({ description: "Fields to change; a password left out keeps the stored one" }),
  })
  .meta({ id: "UpdateCredentialProvider" });

export const credentialProviderSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(PROVIDER_KINDS),
    connection: z.object({
      host: z.string(),
      port: z.number().int(),
      user: z.string(),
      database: z.string().optional(),
      managementUrl: z.string().optional(),
      hasPassword: z.boolean(),
    }),
    namePrefix: z.string().meta({ description: "Every principal Baton creates here starts with this" }),
    scopes: z.array(z.string()),
    activeCredentials: z.number().int(),
    cleanupPending: z.number().int(),
    lastCheckedAt: isoDate.nullable(),
    lastCheckError: z.string().nullable(),
    createdAt: isoDate,
  })
  .meta({ id: "CredentialProvider" });

export const credentialProviderParams = z.object({ id: idOf("cpr") });

export const checkResultSchema = z.object({ ok: z.boolean(), error: z.string().nullable(), checkedAt: isoDate }).meta({ id: "CredentialProviderCheck" });

/** On a scope: which provider its grants mint principals in, and with what privileges. */
export const scopeCredentialsSchema = z
  .strictObject({
    provider: providerNameSchema,
    privileges: z
      .array(plainText(500).pipe(z.string().min(1)))
      .min(1)
      .max(50),
  })
  .meta({ id: "ScopeCredentials", description: "Privileges in the provider kind's grammar, e.g. `SELECT ON orders`" });

export const issueCredentialsBody = z
  .strictObject({
    provider: providerNameSchema.optional().meta({ description: "Which provider; may be left out when the grant's scopes name only one" }),
    rotate: z.boolean().default(false).meta({ description: "Revoke the current credential and mint a new one" }),
  })
  .meta({ id: "IssueCredentials" });

export const issuedCredentialsSchema = z
  .object({
    provider: z.string(),
    kind: z.enum(PROVIDER_KINDS),
    username: z.string(),
    password: z.string(),
    host: z.string(),
    port: z.number().int(),
    database: z.string().optional(),
    vhost: z.string().optional(),
    privileges: z.array(z.string()),
    expiresAt: isoDate,
    url: z.string().meta({ description: "A connection URL with the credential in it" }),
  })
  .meta({ id: "IssuedCredentials" });

export const grantCredentialStatusSchema = z
  .object({
    provider: z.string(),
    username: z.string(),
    privileges: z.array(z.string()),
    issuedAt: isoDate.nullable(),
    state: z.enum(["issuing", "active", "cleanup-pending", "removed"]),
    cleanupAttempts: z.number().int(),
    lastCleanupError: z.string().nullable(),
    nextCleanupAt: isoDate.nullable(),
  })
  .meta({ id: "GrantCredential" });

export type CreateCredentialProviderBody = z.infer<typeof createCredentialProviderBody>;
export type UpdateCredentialProviderBody = z.infer<typeof updateCredentialProviderBody>;
export type CredentialProviderDto = z.infer<typeof credentialProviderSchema>;
export type ScopeCredentials = z.infer<typeof scopeCredentialsSchema>;
export type IssuedCredentialsDto = z.infer<typeof issuedCredentialsSchema>;
export type GrantCredentialStatusDto = z.infer<typeof grantCredentialStatusSchema>;

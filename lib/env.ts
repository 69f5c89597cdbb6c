import { z } from "zod";
import { parseDuration } from "@/lib/kernel/duration";

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v));

const postgresUrl = optionalString.refine((v) => v === undefined || /^postgres(ql)?:\/\/.+/.test(v), "must be a postgresql:// connection URL");

const httpUrl = optionalString.refine((v) => v === undefined || (URL.canParse(v) && /^https?:$/.test(new URL(v).protocol)), "must be an absolute http(s) URL");

/** A claim name as it appears in an ID token, such as `baton_role` or `groups`; unset or empty means the fallback. */
const claimName = (fallback: string) =>
  optionalString.transform((v) => v ?? fallback).pipe(z.string().regex(/^[\w.:/-]{1,100}$/, "must be a claim name such as baton_role"));

const OIDC_SETTINGS = ["AUTH_OIDC_ISSUER", "AUTH_OIDC_CLIENT_ID", "AUTH_OIDC_CLIENT_SECRET"] as const;

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    DATABASE_URL: postgresUrl,
    BATON_DATA_DIR: z.string().min(1).default(".baton"),
    BATON_PUBLIC_URL: optionalString.refine((v) => v === undefined || URL.canParse(v), "must be an absolute URL"),
    AUTH_SECRET: optionalString.refine((v) => v === undefined || v.length >= 32, "must be at least 32 characters"),
    /** Encrypts token-signing keys at rest; every instance sharing a database needs the same value. */
    BATON_SECRET_KEY: optionalString.refine((v) => v === undefined || v.length >= 32, "must be at least 32 characters"),
    BATON_ADMIN_EMAIL: optionalString.pipe(z.email().optional()),
    BATON_ADMIN_PASSWORD: optionalString.refine((v) => v === undefined || v.length >= 12, "must be at least 12 characters"),
    BATON_ADMIN_TOKEN: optionalString.refine((v) => v === undefined || v.length >= 32, "must be at least 32 characters"),
    BATON_ADMIN_NAME: optionalString,
    BATON_PENDING_REQUEST_TTL_SECONDS: z.coerce
      .number()
      .int()
      .min(60)
      .max(30 * 86400)
      .default(86400),
    BATON_FILING_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(60),
    /** Background jobs (expiry, reminders, webhooks) run in every instance unless switched off here. */
    BATON_JOBS: z.enum(["on", "off"]).default("on"),
    /** How long before a grant ends its agent is told (`grant.expiring`); 0 sends no reminders. */
    BATON_GRANT_REMINDER_SECONDS: z.coerce
      .number()
      .int()
      .min(0)
      .max(7 * 86400)
      .default(300),
    /**
     * Every outbound request (webhooks, chat messages, workload issuers' discovery and keys, SSF push) reaches
     * public addresses only unless this is on (internal receivers, tests). Unset: the old name below decides.
     */
    BATON_ALLOW_PRIVATE_NETWORKS: z.enum(["on", "off"]).optional(),
    /** The old name of BATON_ALLOW_PRIVATE_NETWORKS, still honoured when that is unset. */
    BATON_WEBHOOKS_ALLOW_PRIVATE_NETWORKS: z.enum(["on", "off"]).default("off"),
    /** The longest a static agent key may live (e.g. `90d`, `12h`); keys without an expiry, or older, stop working at it. Unset: no limit. */
    BATON_AGENT_KEY_MAX_LIFETIME: optionalString
      .transform((v) => (v === undefined ? undefined : (parseDuration(v) ?? -1)))
      .refine((v) => v === undefined || v >= 60, "must be a duration of at least a minute, such as 90d or 12h"),
    AUTH_OIDC_ISSUER: httpUrl,
    AUTH_OIDC_CLIENT_ID: optionalString,
    AUTH_OIDC_CLIENT_SECRET: optionalString,
    AUTH_OIDC_ROLE_CLAIM: claimName("baton_role"),
    AUTH_OIDC_GROUPS_CLAIM: claimName("groups"),
  })
  .superRefine((env, ctx) => {
    if (env.BATON_ADMIN_EMAIL && !env.BATON_ADMIN_PASSWORD)
      ctx.addIssue({ code: "custom", path: ["BATON_ADMIN_PASSWORD"], message: "is required when BATON_ADMIN_EMAIL is set" });
    if (env.BATON_ADMIN_PASSWORD && !env.BATON_ADMIN_EMAIL)
      ctx.addIssue({ code: "custom", path: ["BATON_ADMIN_EMAIL"], message: "is required when BATON_ADMIN_PASSWORD is set" });
    if (env.BATON_ADMIN_TOKEN && !env.BATON_ADMIN_EMAIL)
      ctx.addIssue({ code: "custom", path: ["BATON_ADMIN_EMAIL"], message: "is required when BATON_ADMIN_TOKEN is set" });
    // Single sign-on is on only with all three; a partial set is a typo, not a choice.
    const present = OIDC_SETTINGS.filter((name) => env[name] !== undefined);
    const missing = OIDC_SETTINGS.find((name) => env[name] === undefined);
    if (present.length > 0 && missing)
      ctx.addIssue({ code: "custom", path: [missing], message: `is required when ${present.join(" and ")} ${present.length === 1 ? "is" : "are"} set` });
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  override name = "EnvError";
}

/** Parses the environment; the error message is one line naming the first bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const name = String(issue.path[0] ?? "environment");
  throw new EnvError(`Invalid environment variable ${name}: ${issue.message}`);
}

let cached: Env | undefined;
export function env(): Env {
  return (cached ??= parseEnv(process.env));
}

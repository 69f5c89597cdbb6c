import { LineCounter, parseDocument, isNode } from "yaml";
import { z } from "zod";
import { createAgentBody } from "@/lib/agents/schemas";
import { createGroupBody } from "@/lib/groups/schemas";
import { emailSchema, scopeKeySchema, tagsSchema } from "@/lib/kernel/common-schemas";
import { parseDuration } from "@/lib/kernel/duration";
import { policyDocumentSchema } from "@/lib/policy/schemas";
import { audienceSchema, createResourceServerBody } from "@/lib/resource-servers/schemas";
import { createScheduleBody } from "@/lib/schedules/schemas";
import { createScopeBody, riskSchema } from "@/lib/scopes/schemas";

export const CONFIG_API_VERSION = "baton/v1";

const names = <T extends z.ZodType>(schema: T) => z.array(schema).default([]);

const durationSchema = z.union([z.string(), z.number().int()]).transform((value, context) => {
  const seconds = typeof value === "number" ? value : parseDuration(value, { bareSeconds: true });
  if (seconds === null) {
    context.addIssue({ code: "custom", message: `must be a duration such as 15m, 8h or 1h30m, not ${JSON.stringify(value)}` });
    return z.NEVER;
  }
  return seconds;
});

const groupEntry = z.strictObject({
  name: createGroupBody.shape.name,
  description: z.string().max(500).default(""),
  members: names(emailSchema).transform((emails) => [...new Set(emails.map((email) => email.trim().toLowerCase()))].sort()),
});

const resourceServerEntry = z.strictObject({ name: createResourceServerBody.shape.name, audience: audienceSchema });

const scopeEntry = z.strictObject({
  key: scopeKeySchema,
  description: z.string().max(500).default(""),
  risk: z
    .string()
    .transform((value) => value.toUpperCase())
    .pipe(z.enum(riskSchema.options, { error: "must be low, medium, high or critical" })),
  maxDuration: durationSchema.pipe(createScopeBody.shape.maxDurationSeconds),
  approvalsRequired: z.number().int().min(1).max(10).default(1),
  approverGroup: z.string().min(1).nullable().default(null).meta({ description: "The approver group's name" }),
  autoApprove: z.boolean().default(false),
  resourceServer: audienceSchema.nullable().default(null).meta({ description: "The resource server's audience" }),
  tags: tagsSchema.default([]),
});

const agentEntry = z.strictObject({
  name: createAgentBody.shape.name,
  description: z.string().max(500).default(""),
  owner: emailSchema.transform((email) => email.trim().toLowerCase()),
  eligibleScopes: names(scopeKeySchema).transform((keys) => [...new Set(keys)].sort()),
  tags: tagsSchema.default([]),
});

// A named schedule exactly as the API creates one: weekly rules in an IANA timezone plus one-off windows.
const scheduleEntry = createScheduleBody;

const policyEntry = z.union([
  policyDocumentSchema,
  z.strictObject({ id: policyDocumentSchema.shape.id, file: z.string().min(1).meta({ description: "A .cedar file, relative to this file" }) }),
]);

const policySection = z.strictObject({
  note: z.string().max(1000).optional().meta({ description: "The proposal's note when the set differs from the active one" }),
  policies: z.array(policyEntry),
});

/** baton.yaml: Baton's configuration, each object keyed by its natural name. Omitted fields take the API's defaults. */
export const configFileSchema = z
  .strictObject({
    apiVersion: z.literal(CONFIG_API_VERSION, { error: `must be ${CONFIG_API_VERSION}` }),
    groups: names(groupEntry),
    resourceServers: names(resourceServerEntry),
    scopes: names(scopeEntry),
    agents: names(agentEntry),
    schedules: names(scheduleEntry),
    policy: policySection.optional(),
  })
  .superRefine((config, context) => {
    const unique = (section: string, keys: string[], field: string) => {
      const seen = new Set<string>();
      keys.forEach((key, index) => {
        if (seen.has(key)) context.addIssue({ code: "custom", path: [section, index, field], message: `${JSON.stringify(key)} appears twice in ${section}` });
        seen.add(key);
      });
    };
    unique(
      "groups",
      config.groups.map((group) => group.name),
      "name",
    );
    unique(
      "resourceServers",
      config.resourceServers.map((server) => server.name),
      "name",
    );
    unique(
      "resourceServers",
      config.resourceServers.map((server) => server.audience),
      "audience",
    );
    unique(
      "scopes",
      config.scopes.map((scope) => scope.key),
      "key",
    );
    unique(
      "agents",
      config.agents.map((agent) => agent.name),
      "name",
    );
    unique(
      "schedules",
      config.schedules.map((schedule) => schedule.name),
      "name",
    );
    if (config.policy)
      unique(
        "policy",
        config.policy.policies.map((policy) => policy.id),
        "policies",
      );
  });

export type ConfigFile = z.output<typeof configFileSchema>;
export type GroupConfig = ConfigFile["groups"][number];
export type ResourceServerConfig = ConfigFile["resourceServers"][number];
export type ScopeConfig = ConfigFile["scopes"][number];
export type AgentConfig = ConfigFile["agents"][number];
export type ScheduleConfig = ConfigFile["schedules"][number];
export type PolicyEntryConfig = NonNullable<ConfigFile["policy"]>["policies"][number];

/** A file that is not valid YAML or not a valid configuration; each problem names file, line, column and YAML path. */
export class ConfigFileError extends Error {
  constructor(readonly problems: string[]) {
    super(`${problems.length} problem${problems.length === 1 ? "" : "s"} in the configuration:\n${problems.map((problem) => `  ${problem}`).join("\n")}`);
    this.name = "ConfigFileError";
  }
}

/** Parses and validates baton.yaml text; `fileName` is only used in messages. */
export function parseConfigFile(text: string, fileName: string): ConfigFile {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    throw new ConfigFileError(
      document.errors.map((error) => {
        const position = lineCounter.linePos(error.pos[0]);
        return `${fileName}:${position.line}:${position.col}: ${error.message.split("\n")[0]}`;
      }),
    );
  }
  const parsed = configFileSchema.safeParse(document.toJS() ?? {});
  if (parsed.success) return parsed.data;
  throw new ConfigFileError(
    parsed.error.issues.map((issue) => {
      const path = issue.path.filter((part): part is string | number => typeof part !== "symbol");
      const offset = nodeOffset(document, path);
      const position = offset === null ? null : lineCounter.linePos(offset);
      const where = position ? `${fileName}:${position.line}:${position.col}` : fileName;
      return `${where}: ${yamlPath(path)}: ${issue.message}`;
    }),
  );
}

/** The start of the deepest node on `path` that exists: a missing field points at the object that lacks it. */
function nodeOffset(document: ReturnType<typeof parseDocument>, path: (string | number)[]): number | null {
  for (let length = path.length; length >= 0; length--) {
    const node = length === 0 ? document.contents : document.getIn(path.slice(0, length), true);
    if (isNode(node) && node.range) return node.range[0];
  }
  return null;
}

/** `scopes[2].risk`, the way people point into YAML. */
export function yamlPath(path: (string | number)[]): string {
  if (path.length === 0) return "(top level)";
  return path.map((part, index) => (typeof part === "number" ? `[${part}]` : index === 0 ? part : `.${part}`)).join("");
}

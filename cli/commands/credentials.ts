import type { IssuedCredentialsDto } from "@/lib/credentials/schemas";
import { agentClient } from "../baton-clients";
import type { CliContext } from "../cli-context";
import { oneOf, parseCommandArgs } from "../parse-command-args";

const FORMATS = ["url", "env", "json"] as const;

export interface CredentialsCommand {
  grantId: string;
  provider?: string;
  format: (typeof FORMATS)[number];
  rotate: boolean;
}

export function parseCredentialsArgs(args: string[]): CredentialsCommand {
  const { values, positionals } = parseCommandArgs(
    args,
    { provider: { type: "string" }, format: { type: "string", default: "url" }, rotate: { type: "boolean", default: false } },
    ["grant"],
  );
  return { grantId: positionals.grant, provider: values.provider, format: oneOf(values.format, FORMATS, "--format"), rotate: values.rotate };
}

/** Single-quoted for POSIX shells: the value cannot end the quote. */
const shellQuote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

/** Environment lines the usual clients read. */
export function credentialEnvLines(credential: IssuedCredentialsDto): string[] {
  const lines: [string, string][] = [];
  switch (credential.kind) {
    case "postgresql":
      lines.push(["PGHOST", credential.host], ["PGPORT", String(credential.port)], ["PGUSER", credential.username], ["PGPASSWORD", credential.password]);
      if (credential.database) lines.push(["PGDATABASE", credential.database]);
      lines.push(["DATABASE_URL", credential.url]);
      break;
    case "mariadb":
      lines.push(
        ["MYSQL_HOST", credential.host],
        ["MYSQL_TCP_PORT", String(credential.port)],
        ["MYSQL_USER", credential.username],
        ["MYSQL_PWD", credential.password],
      );
      if (credential.database) lines.push(["MYSQL_DATABASE", credential.database]);
      lines.push(["DATABASE_URL", credential.url]);
      break;
    case "redis":
      lines.push(["REDIS_URL", credential.url], ["REDISCLI_AUTH", credential.password]);
      break;
    case "rabbitmq":
      lines.push(["AMQP_URL", credential.url]);
      break;
  }
  lines.push(["BATON_CREDENTIALS_EXPIRE_AT", credential.expiresAt]);
  return lines.map(([name, value]) => `export ${name}=${shellQuote(value)}`);
}

export async function run(args: string[], context: CliContext): Promise<number> {
  const command = parseCredentialsArgs(args);
  const credential = await agentClient(context.env).getCredentials(command.grantId, command.provider, { rotate: command.rotate });
  if (command.format === "json") context.print(JSON.stringify(credential, null, 2));
  else if (command.format === "env") context.print(credentialEnvLines(credential).join("\n"));
  else context.print(credential.url);
  return 0;
}

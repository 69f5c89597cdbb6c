import { DEFAULT_MAX_STALENESS_MS, startPdp } from "@/lib/pdp/start-pdp";
import type { CliContext } from "../cli-context";
import { CliUsageError } from "../cli-usage-error";
import { parseDurationFlag } from "../duration";
import { oneOf, parseCommandArgs, positiveInteger } from "../parse-command-args";

export interface PdpCommand {
  port: number;
  host: string;
  tokenCache: boolean;
  maxStalenessMs: number;
}

/** Staleness bounds are short: milliseconds ("500ms") as well as the CLI's usual durations ("2s"). */
function parseStaleness(value: string): number {
  const millis = /^(\d+)ms$/.exec(value);
  return millis ? positiveInteger(millis[1]!, "--max-staleness") : parseDurationFlag(value, "--max-staleness") * 1000;
}

export function parsePdpArgs(args: string[]): PdpCommand {
  const { values } = parseCommandArgs(args, {
    port: { type: "string", default: "7070" },
    host: { type: "string", default: "127.0.0.1" },
    "token-cache": { type: "string", default: "on" },
    "max-staleness": { type: "string", default: `${DEFAULT_MAX_STALENESS_MS}ms` },
  });
  const port = values.port === "0" ? 0 : positiveInteger(values.port, "--port");
  if (port > 65_535) throw new CliUsageError(`--port must be at most 65535, not ${port}`);
  return {
    port,
    host: values.host,
    tokenCache: oneOf(values["token-cache"], ["on", "off"], "--token-cache") === "on",
    maxStalenessMs: parseStaleness(values["max-staleness"]),
  };
}

export async function run(args: string[], context: CliContext): Promise<number> {
  const command = parsePdpArgs(args);
  const databaseUrl = context.env.DATABASE_URL;
  if (!databaseUrl)
    throw new Error("needs DATABASE_URL (PostgreSQL): on the embedded database only Baton's in-app /api/v1/decisions and /api/v1/introspect exist");
  const issuer = context.env.BATON_PUBLIC_URL?.replace(/\/+$/, "");
  if (!issuer) throw new Error("needs BATON_PUBLIC_URL: Baton's public URL, the issuer of the grant tokens it will verify");
  const pdp = await startPdp({
    databaseUrl,
    issuer,
    ...command,
    onError: (error) => context.warn(`baton pdp: ${error instanceof Error ? error.message : String(error)}`),
  });
  context.warn(`baton pdp: serving decisions on ${pdp.url} (token cache ${command.tokenCache ? "on" : "off"}, max staleness ${command.maxStalenessMs} ms)`);
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await pdp.close();
  return 0;
}

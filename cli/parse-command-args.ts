import { parseArgs, type ParseArgsConfig } from "node:util";
import { CliUsageError } from "./cli-usage-error";

type OptionSpecs = NonNullable<ParseArgsConfig["options"]>;

/**
 * node:util parseArgs in strict mode, with its errors turned into one-line usage errors and the
 * positional arguments checked against the names the command expects.
 */
export function parseCommandArgs<const T extends OptionSpecs, const P extends string = never>(args: string[], options: T, positionalNames: readonly P[] = []) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new CliUsageError(describeParseError(error));
  }
  const missing = positionalNames[parsed.positionals.length];
  if (missing) throw new CliUsageError(`missing <${missing}>`);
  const extra = parsed.positionals[positionalNames.length];
  if (extra !== undefined) throw new CliUsageError(`unexpected argument ${JSON.stringify(extra)}`);
  const positionals = Object.fromEntries(positionalNames.map((name, index) => [name, parsed.positionals[index]])) as Record<P, string>;
  return { values: parsed.values, positionals };
}

function describeParseError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `unknown option ${/'([^']+)'/.exec(error.message)?.[1] ?? error.message}`;
  // Node's own messages run over several lines of advice; the first line names the problem.
  return (error.message.split("\n")[0] ?? error.message).replace(/\.$/, "");
}

/** For flags the command cannot do without; parseArgs has no notion of a required option. */
export function required<T>(value: T | undefined, flag: string): T {
  if (value === undefined || value === "") throw new CliUsageError(`${flag} is required`);
  return value;
}

/** Maps a lower-case flag value onto the API's upper-case enum, naming the choices when it is not one. */
export function oneOf<const T extends string>(value: string, choices: readonly T[], flag: string): T {
  const match = choices.find((choice) => choice.toLowerCase() === value.toLowerCase());
  if (!match) throw new CliUsageError(`${flag} must be one of ${choices.map((choice) => choice.toLowerCase()).join(", ")}, not ${JSON.stringify(value)}`);
  return match;
}

export function positiveInteger(value: string, flag: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new CliUsageError(`${flag} must be a whole number of at least 1, not ${JSON.stringify(value)}`);
  return Number(value);
}

/** `baton admin scopes create …`: the first word picks the action, the rest are its arguments. */
export function splitAction<const T extends string>(args: string[], actions: readonly T[]): { action: T; rest: string[] } {
  const [word, ...rest] = args;
  const action = actions.find((candidate) => candidate === word);
  if (!action)
    throw new CliUsageError(
      word === undefined ? `missing action: ${actions.join(", ")}` : `unknown action ${JSON.stringify(word)}: expected ${actions.join(", ")}`,
    );
  return { action, rest };
}

import { type CliContext, processContext } from "./cli-context";
import { CliUsageError } from "./cli-usage-error";
import { type Command, COMMANDS } from "./command-table";
import { EXIT_CODES } from "./exit-codes";
import { oneLine } from "./terminal-text";
import { ADMIN_USAGE, MAIN_USAGE } from "./usage";

const HELP_FLAGS = new Set(["--help", "-h"]);

/** Runs one command line and returns the exit code; every failure becomes one line on stderr and exit 1. */
export async function main(argv: string[], context: CliContext = processContext()): Promise<number> {
  const [first, second] = argv;
  if (first === undefined || HELP_FLAGS.has(first)) return printHelp(context, MAIN_USAGE, first !== undefined);
  if (first === "admin" && (second === undefined || HELP_FLAGS.has(second))) return printHelp(context, ADMIN_USAGE, second !== undefined);

  const words = first === "admin" ? 2 : 1;
  const name = argv.slice(0, words).join(" ");
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    const what = first.startsWith("-") ? `option ${first}` : `command ${JSON.stringify(name)}`;
    context.warn(`baton: unknown ${what}; run baton --help for the list of commands`);
    return EXIT_CODES.error;
  }
  const { args, idTokenFile } = takeIdTokenFile(argv.slice(words));
  // Before "--" only: after it, "--help" is a value (a reason, say), not a request for help.
  const options = args.includes("--") ? args.slice(0, args.indexOf("--")) : args;
  if (options.some((arg) => HELP_FLAGS.has(arg))) return printHelp(context, command.usage, true);
  if (idTokenFile === "") {
    context.warn(`baton ${command.name}: --id-token-file needs a path`);
    return EXIT_CODES.error;
  }

  return runCommand(command, args, idTokenFile === undefined ? context : { ...context, env: { ...context.env, BATON_ID_TOKEN_FILE: idTokenFile } });
}

/** `--id-token-file PATH` (or `=PATH`), before any "--", applies to every agent command: it stands for BATON_ID_TOKEN_FILE. */
function takeIdTokenFile(args: string[]): { args: string[]; idTokenFile?: string } {
  const end = args.includes("--") ? args.indexOf("--") : args.length;
  for (let index = 0; index < end; index++) {
    const arg = args[index]!;
    if (arg === "--id-token-file") return { args: [...args.slice(0, index), ...args.slice(index + 2)], idTokenFile: index + 1 < end ? args[index + 1]! : "" };
    if (arg.startsWith("--id-token-file="))
      return { args: [...args.slice(0, index), ...args.slice(index + 1)], idTokenFile: arg.slice("--id-token-file=".length) };
  }
  return { args };
}

async function runCommand(command: Command, args: string[], context: CliContext): Promise<number> {
  try {
    const { run } = await command.load();
    return await run(args, context);
  } catch (error) {
    const message = oneLine(error instanceof Error ? error.message : String(error));
    const hint = error instanceof CliUsageError ? ` (see baton ${command.name} --help)` : "";
    context.warn(`baton ${command.name}: ${message}${hint}`);
    return EXIT_CODES.error;
  }
}

// Asked-for help is the result (stdout, exit 0); help shown because nothing was asked is a usage error.
function printHelp(context: CliContext, text: string, asked: boolean): number {
  if (asked) {
    context.print(text);
    return EXIT_CODES.ok;
  }
  context.warn(text);
  return EXIT_CODES.error;
}

import { adminClient } from "../baton-clients";
import type { CliContext } from "../cli-context";
import { parseCommandArgs, required } from "../parse-command-args";
import { ApplyError } from "./apply-plan";
import { ConfigFileError } from "./config-file";
import { loadConfigFile } from "./load-config-file";
import { type Plan, PlanError, planConfig } from "./plan-config";
import { readCurrentState } from "./read-current-state";

/** What plan and apply share: their flags, the file, Baton's state and the plan between them. */
export async function planFromArgs(args: string[], context: CliContext) {
  const { values } = parseCommandArgs(args, {
    file: { type: "string", short: "f" },
    prune: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
  });
  const desired = await loadConfigFile(required(values.file, "--file"));
  const client = adminClient(context.env);
  const plan: Plan = planConfig(desired, await readCurrentState(client), { prune: values.prune });
  return { client, plan, json: values.json };
}

/**
 * Problems in the file, or changes Baton cannot make, are listed one per line on stderr (exit 1): main
 * would fold them into one line.
 */
export async function reportingConfigErrors(command: string, context: CliContext, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ConfigFileError) context.warn(`baton ${command}: ${error.message}`);
    else if (error instanceof PlanError)
      context.warn(`baton ${command}: the file cannot be applied:\n${error.problems.map((problem) => `  ${problem}`).join("\n")}`);
    else if (error instanceof ApplyError)
      context.warn(
        `baton ${command}: ${error.message}\n  ${error.applied} change${error.applied === 1 ? " was" : "s were"} applied before it; fix the cause and apply again.`,
      );
    else throw error;
    return 1;
  }
}

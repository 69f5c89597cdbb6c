import { writeFile } from "node:fs/promises";
import { adminClient } from "../baton-clients";
import type { CliContext } from "../cli-context";
import { exportConfig } from "../config/export-config";
import { readCurrentState } from "../config/read-current-state";
import { parseCommandArgs } from "../parse-command-args";

export async function run(args: string[], context: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, { output: { type: "string", short: "o" } });
  const text = exportConfig(await readCurrentState(adminClient(context.env)));
  if (values.output) {
    await writeFile(values.output, text);
    context.warn(`Wrote ${values.output}`);
  } else context.print(text.trimEnd());
  return 0;
}

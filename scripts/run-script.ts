import { EnvError } from "@/lib/env";
import { DatabaseInUseError } from "@/lib/database/pglite";

/** Runs a command-line script: expected failures print one line, anything else its stack. */
export async function runScript(main: () => Promise<void | number>): Promise<void> {
  try {
    const code = await main();
    process.exit(typeof code === "number" ? code : 0);
  } catch (error) {
    if (error instanceof EnvError || error instanceof DatabaseInUseError) console.error(error.message);
    else console.error(error);
    process.exit(1);
  }
}

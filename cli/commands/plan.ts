import type { CliContext } from "../cli-context";
import { planFromArgs, reportingConfigErrors } from "../config/config-session";
import { renderPlan } from "../config/render-plan";
import { PLAN_EXIT_CODES } from "../exit-codes";

export function run(args: string[], context: CliContext): Promise<number> {
  return reportingConfigErrors("plan", context, async () => {
    const { plan, json } = await planFromArgs(args, context);
    if (json) context.print(JSON.stringify(plan, null, 2));
    else for (const line of renderPlan(plan)) context.print(line);
    return plan.changes.length ? PLAN_EXIT_CODES.changes : PLAN_EXIT_CODES.noChanges;
  });
}

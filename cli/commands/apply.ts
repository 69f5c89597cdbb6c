import type { CliContext } from "../cli-context";
import { type AppliedSecret, applyPlan } from "../config/apply-plan";
import { planFromArgs, reportingConfigErrors } from "../config/config-session";
import { describeChange, renderPlan } from "../config/render-plan";
import { EXIT_CODES } from "../exit-codes";

export function run(args: string[], context: CliContext): Promise<number> {
  return reportingConfigErrors("apply", context, async () => {
    const { client, plan, json } = await planFromArgs(args, context);
    if (!json) for (const line of renderPlan(plan)) context.print(line);
    const secrets: AppliedSecret[] = [];
    const result = await applyPlan(client, plan, {
      onApplied: (change) => {
        if (!json) context.warn(`Done: ${describeChange(change)}`);
      },
      onSecret: (secret) => {
        secrets.push(secret);
        if (!json) context.print(`Secret for ${secret.subject} (shown once, store it now): ${secret.secret}`);
      },
    });
    if (json) context.print(JSON.stringify({ ...plan, applied: result.applied, secrets, policyProposalId: result.policyProposalId }, null, 2));
    else if (plan.changes.length) {
      context.print(`Applied ${result.applied} change${result.applied === 1 ? "" : "s"}.`);
      if (result.policyProposalId) context.print(`Policy proposal ${result.policyProposalId} awaits a second admin's approval.`);
    }
    return EXIT_CODES.ok;
  });
}

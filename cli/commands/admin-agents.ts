import type { z } from "zod";
import type { AgentDto, createAgentBody } from "@/lib/agents/schemas";
import { adminClient } from "../baton-clients";
import type { CliContext } from "../cli-context";
import { parseCommandArgs, required, splitAction } from "../parse-command-args";
import { formatTable } from "../terminal-text";

export type AgentsCommand =
  | { action: "list"; json: boolean }
  | { action: "create"; body: z.input<typeof createAgentBody>; json: boolean }
  | { action: "disable"; agentId: string; reason?: string; json: boolean };

export function parseAgentsArgs(args: string[]): AgentsCommand {
  const { action, rest } = splitAction(args, ["list", "create", "disable"]);
  if (action === "list") {
    return { action, json: parseCommandArgs(rest, { json: { type: "boolean", default: false } }).values.json };
  }
  if (action === "create") {
    const { values } = parseCommandArgs(rest, {
      name: { type: "string" },
      owner: { type: "string" },
      scope: { type: "string", multiple: true },
      description: { type: "string" },
      json: { type: "boolean", default: false },
    });
    return {
      action,
      body: {
        name: required(values.name, "--name"),
        ownerEmail: required(values.owner, "--owner"),
        eligibleScopes: values.scope,
        description: values.description,
      },
      json: values.json,
    };
  }
  const { values, positionals } = parseCommandArgs(rest, { reason: { type: "string" }, json: { type: "boolean", default: false } }, ["agentId"]);
  return { action, agentId: positionals.agentId, reason: values.reason, json: values.json };
}

export async function run(args: string[], context: CliContext): Promise<number> {
  const command = parseAgentsArgs(args);
  const client = adminClient(context.env);
  switch (command.action) {
    case "list": {
      const agents = await client.listAgents();
      if (command.json) context.print(JSON.stringify(agents, null, 2));
      else if (agents.length === 0) context.print("No agents yet: register one with baton admin agents create.");
      else context.print(formatTable(["ID", "NAME", "STATUS", "OWNER", "ELIGIBLE SCOPES"], agents.map(agentRow)));
      return 0;
    }
    case "create": {
      const agent = await client.createAgent(command.body);
      if (command.json) {
        context.print(JSON.stringify(agent, null, 2));
      } else {
        context.print(`Created agent ${agent.name}: ${agent.id}`);
        context.print(`  Issue its API key with: baton admin keys create ${agent.id}`);
      }
      return 0;
    }
    case "disable": {
      const agent = await client.disableAgent(command.agentId, { reason: command.reason });
      if (command.json) context.print(JSON.stringify(agent, null, 2));
      else context.print(`Disabled agent ${agent.name} (${agent.id}): its keys are revoked, its pending requests cancelled and its active grants revoked.`);
      return 0;
    }
  }
}

function agentRow(agent: AgentDto): string[] {
  return [agent.id, agent.name, agent.status.toLowerCase(), agent.owner.email, agent.eligibleScopes.join(",")];
}

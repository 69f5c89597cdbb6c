import { BatonApiError } from "@/lib/client/baton-api-error";
import type { BatonClient } from "@/lib/client/baton-client";
import type { Change, FieldChange, Plan } from "./plan-config";
import { describeChange } from "./render-plan";

export interface AppliedSecret {
  /** e.g. `resource server crm` or `agent ops-bot`. */
  subject: string;
  secret: string;
}

/** Raised at the first change the API refuses; the changes before it stay applied (each is its own transaction). */
export class ApplyError extends Error {
  constructor(
    readonly change: Change,
    readonly applied: number,
    cause: unknown,
  ) {
    super(`${describeChange(change)} failed: ${cause instanceof BatonApiError ? cause.message : cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
    this.name = "ApplyError";
  }
}

const REVOKE_REASON = "Removed from the configuration file (baton apply --prune)";

/**
 * Carries out a plan's changes one by one, in the plan's order (which is dependency order), and stops at
 * the first refusal. Secrets Baton issues on the way (a new resource server's caller secret) are handed
 * to `onSecret` as they arrive, since they are shown only once. New agents get no key (see below).
 */
export async function applyPlan(
  client: BatonClient,
  plan: Plan,
  options: { onApplied?: (change: Change) => void; onSecret?: (secret: AppliedSecret) => void } = {},
): Promise<{ applied: number; policyProposalId: string | null }> {
  let applied = 0;
  let policyProposalId: string | null = null;
  for (const change of plan.changes) {
    try {
      const proposalId = await applyChange(client, change, options.onSecret ?? (() => undefined));
      if (proposalId) policyProposalId = proposalId;
    } catch (error) {
      throw new ApplyError(change, applied, error);
    }
    applied += 1;
    options.onApplied?.(change);
  }
  return { applied, policyProposalId };
}

async function applyChange(client: BatonClient, change: Change, onSecret: (secret: AppliedSecret) => void): Promise<string | void> {
  if (change.kind === "policy") return proposePolicies(client, change);
  if (change.action === "update") return updateObject(client, change);
  if (change.action === "delete") {
    if (change.kind === "agent") await client.disableAgent(change.id, { reason: REVOKE_REASON });
    else if (change.kind === "resourceServer") await client.revokeResourceServer(change.id, { reason: REVOKE_REASON });
    else await client.deleteSchedule(change.id);
    return;
  }
  switch (change.kind) {
    case "group": {
      const { name, description, members } = change.after;
      await client.createGroup({ name, description, memberEmails: members });
      return;
    }
    case "resourceServer": {
      const created = await client.createResourceServer({ name: change.after.name, audience: change.after.audience });
      onSecret({ subject: `resource server ${created.name}`, secret: created.secret });
      return;
    }
    case "scope": {
      const { key, description, risk, maxDuration, approvalsRequired, approverGroup, autoApprove, resourceServer, tags } = change.after;
      await client.createScope({
        key,
        description,
        risk,
        maxDurationSeconds: maxDuration,
        approvalsRequired,
        approverGroup,
        autoApprove,
        resourceServer,
        tags,
      });
      return;
    }
    case "agent": {
      const { name, description, owner, eligibleScopes, tags } = change.after;
      // No key is issued: a standing secret printed into a pipeline's log is what Baton exists to remove.
      // The agent signs in through workload identity federation, or an admin issues it a key on purpose.
      await client.createAgent({ name, description, ownerEmail: owner, eligibleScopes, tags });
      return;
    }
    case "schedule":
      await client.createSchedule(change.after);
      return;
  }
}

// The file's field names → the API's.
const API_FIELD: Record<string, string> = { maxDuration: "maxDurationSeconds", owner: "ownerEmail", members: "memberEmails" };

function bodyOf(fields: FieldChange[]): Record<string, unknown> {
  return Object.fromEntries(fields.map(({ field, after }) => [API_FIELD[field] ?? field, after]));
}

async function updateObject(client: BatonClient, change: Extract<Change, { action: "update" }>) {
  const body = bodyOf(change.fields);
  switch (change.kind) {
    case "group":
      await client.updateGroup(change.id, body);
      return;
    case "scope":
      await client.updateScope(change.id, body);
      return;
    case "agent":
      await client.updateAgent(change.id, body);
      return;
    case "schedule":
      await client.updateSchedule(change.id, body);
      return;
    case "resourceServer":
      throw new Error("a resource server cannot be changed, only registered or revoked");
  }
}

const DEFAULT_PROPOSAL_NOTE = "Proposed from the configuration file by baton apply";

async function proposePolicies(client: BatonClient, change: Extract<Change, { kind: "policy" }>): Promise<string> {
  const proposal = await client.proposePolicies({ policies: change.policies, note: change.note?.trim() || DEFAULT_PROPOSAL_NOTE });
  return proposal.id;
}

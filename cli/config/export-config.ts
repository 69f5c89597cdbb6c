import { stringify } from "yaml";
import { CONFIG_API_VERSION } from "./config-file";
import type { CurrentState } from "./plan-config";
import { formatExactDuration } from "./render-plan";

/**
 * Baton's current configuration as baton.yaml text, in the format `plan` and `apply` read: fields at
 * their defaults are left out, disabled agents and revoked resource servers too (they cannot come back).
 * No secret is in it: Baton keeps only hashes of those.
 */
export function exportConfig(state: CurrentState): string {
  const omitDefaults = (entry: Record<string, unknown>, defaults: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(entry).filter(([field, value]) => !(field in defaults && JSON.stringify(defaults[field]) === JSON.stringify(value))));
  const document = {
    apiVersion: CONFIG_API_VERSION,
    groups: state.groups.map(({ name, description, members }) => omitDefaults({ name, description, members }, { description: "", members: [] })),
    resourceServers: state.resourceServers.filter((server) => !server.revoked).map(({ name, audience }) => ({ name, audience })),
    scopes: state.scopes.map(({ key, description, risk, maxDuration, approvalsRequired, approverGroup, autoApprove, resourceServer, tags }) =>
      omitDefaults(
        {
          key,
          description,
          risk: risk.toLowerCase(),
          maxDuration: formatExactDuration(maxDuration),
          approvalsRequired,
          approverGroup,
          autoApprove,
          resourceServer,
          tags,
        },
        { description: "", approvalsRequired: 1, approverGroup: null, autoApprove: false, resourceServer: null, tags: [] },
      ),
    ),
    agents: state.agents
      .filter((agent) => !agent.disabled)
      .map(({ name, description, owner, eligibleScopes, tags }) =>
        omitDefaults({ name, description, owner, eligibleScopes, tags }, { description: "", eligibleScopes: [], tags: [] }),
      ),
    ...(state.schedules?.length
      ? { schedules: state.schedules.map((schedule) => Object.fromEntries(Object.entries(schedule).filter(([field]) => field !== "id"))) }
      : {}),
    ...(state.policy ? { policy: { policies: state.policy.active.map(({ id, text }) => ({ id, text })) } } : {}),
  };
  return `# Baton configuration, exported by baton export. Apply with: baton apply -f <this file>\n${stringify(document, { lineWidth: 0 })}`;
}

import type { AgentPrincipal } from "@/lib/kernel/principal";
import { subscribeToChanges } from "@/lib/events/change-feed";
import { issueGrantToken } from "@/lib/grant-tokens/issue-grant-token";
import { issueCredential } from "@/lib/credentials/issue-credential";
import { listAgentGrants } from "@/lib/grants/list-agent-grants";
import { revokeGrant } from "@/lib/grants/revoke-grant";
import { fileAccessRequest } from "@/lib/requests/file-access-request";
import { getOrAwaitRequest } from "@/lib/requests/get-or-await-request";
import { listEligibleScopes } from "@/lib/scopes/list-eligible-scopes";
import { type AgentBackend, changesGrantState } from "./agent-backend";

/**
 * The agent API as domain calls, for the MCP endpoint inside Baton (`/api/mcp`): the same functions, the
 * same authorization (the agent is part of every query) and the same filing rate limit as /api/v1.
 */
export function inProcessAgentBackend(options: { agent: AgentPrincipal; issuer: string }): AgentBackend {
  const { agent } = options;
  const { agentId } = agent;
  return {
    listScopes: () => listEligibleScopes({ principal: agent }),
    fileRequest: async (input) => (await fileAccessRequest({ principal: agent, input })).request,
    getRequest: (requestId, { waitSeconds, signal }) => getOrAwaitRequest({ principal: agent, requestId, waitSeconds, signal }),
    listGrants: (status) => listAgentGrants({ principal: agent, status }),
    issueToken: (grantId, audience) => issueGrantToken({ principal: agent, grantId, audience, issuer: options.issuer }),
    getCredentials: (grantId, provider, rotate) => issueCredential({ principal: agent, grantId, provider, rotate }),
    releaseGrant: (grantId, reason) => revokeGrant({ principal: agent, grantId, reason }),
    watchGrants: async (onChange, signal) => {
      const unsubscribe = await subscribeToChanges(
        (change) => change.agentId === agentId && changesGrantState({ action: change.action, subject: { kind: change.subjectKind } }) && onChange(),
        // Changes may have gone unheard while the feed was reconnecting: let the subscriber re-read.
        onChange,
      );
      if (signal.aborted) unsubscribe();
      else signal.addEventListener("abort", unsubscribe, { once: true });
    },
  };
}

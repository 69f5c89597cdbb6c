import type { BatonClient } from "@/lib/client/baton-client";
import { type AgentBackend, changesGrantState } from "./agent-backend";

/** The agent API over HTTP with the typed client: what `baton mcp` uses, so it works against any Baton it can reach. */
export function httpAgentBackend(client: BatonClient): AgentBackend {
  return {
    listScopes: () => client.listEligibleScopes(),
    fileRequest: (input) => client.fileRequest(input),
    getRequest: (requestId, { waitSeconds, signal }) => client.getRequest(requestId, { waitSeconds: waitSeconds || undefined, signal }),
    listGrants: (status) => client.listGrants({ status }),
    issueToken: (grantId, audience) => client.issueGrantToken(grantId, audience),
    getCredentials: (grantId, provider, rotate) => client.getCredentials(grantId, provider, { rotate }),
    releaseGrant: (grantId, reason) => client.revokeGrant(grantId, { reason }),
    watchGrants: (onChange, signal) => client.followEvents((event) => changesGrantState(event) && onChange(), { signal }),
  };
}

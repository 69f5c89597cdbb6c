import type { IssuedCredentialsDto } from "@/lib/credentials/schemas";
import type { IssuedTokenDto } from "@/lib/grant-tokens/schemas";
import type { GrantDto } from "@/lib/grants/schemas";
import type { AccessRequestDto, FileRequestBody } from "@/lib/requests/schemas";
import type { EligibleScopeDto } from "@/lib/scopes/schemas";

export type GrantStatusFilter = "active" | "expired" | "revoked" | "all";

/**
 * What the MCP server may do as one agent — the agent API, nothing more (no approving, denying or
 * widening). Two implementations: over HTTP with the typed client (`baton mcp`, stdio, any Baton) and in
 * process with the domain functions (`/api/mcp`). Failures are thrown errors whose message is the answer.
 */
export interface AgentBackend {
  listScopes(): Promise<EligibleScopeDto[]>;
  fileRequest(input: FileRequestBody): Promise<AccessRequestDto>;
  /** With `waitSeconds` > 0 (at most 60), answers as soon as the request leaves PENDING, or when the time is up. */
  getRequest(requestId: string, options: { waitSeconds: number; signal?: AbortSignal }): Promise<AccessRequestDto>;
  listGrants(status: GrantStatusFilter): Promise<GrantDto[]>;
  issueToken(grantId: string, audience: string): Promise<IssuedTokenDto>;
  releaseGrant(grantId: string, reason?: string): Promise<GrantDto>;
  /** The grant's short-lived credential in a credential provider (the one its scopes name when left out). */
  getCredentials(grantId: string, provider: string | undefined, rotate: boolean): Promise<IssuedCredentialsDto>;
  /**
   * Calls `onChange` whenever one of the agent's grants changes state (issued, revoked, marked expired),
   * until `signal` aborts. Resolves once listening, so a change made after that is heard.
   */
  watchGrants(onChange: () => void, signal: AbortSignal): Promise<void>;
}

/** Token and credential issuance are audited on the grant too, but do not change which grants are active. */
export const changesGrantState = (event: { action: string; subject: { kind: string } }) =>
  event.subject.kind === "grant" && event.action !== "grant.token_issued" && !event.action.startsWith("credential.");

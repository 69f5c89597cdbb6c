import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { ErrorCode, McpError, SubscribeRequestSchema, UnsubscribeRequestSchema, type CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { decodeJwt } from "jose";
import { z } from "zod";
import { formatIsoDuration, ISO_DURATION, parseDuration } from "@/lib/kernel/duration";
import { fileRequestBody } from "@/lib/requests/schemas";
import type { AccessRequestDto } from "@/lib/requests/schemas";
import type { AgentBackend } from "./agent-backend";
import { watchActiveGrants } from "./watch-active-grants";

export const ACTIVE_GRANTS_URI = "baton://grants/active";

/** The longest wait_for_decision holds a call; hosts that time tool calls out sooner should ask for less. */
export const MAX_WAIT_SECONDS = 3600;
// Each long-poll to Baton lasts at most this long, and a progress notification follows each one.
const PROGRESS_EVERY_SECONDS = 10;
/** How long request_access waits for the host to answer a URL elicitation (the person may be away); the request is filed either way. */
const ELICITATION_TIMEOUT_MS = 120_000;

const requestId = z
  .string()
  .regex(/^req_[0-9a-z]{26}$/, "must be a request id (req_…) as returned by request_access")
  .describe("The id returned by request_access (req_…)");
const grantId = z
  .string()
  .regex(/^grt_[0-9a-z]{26}$/, "must be a grant id (grt_…)")
  .describe("The id of one of your grants (grt_…), from wait_for_decision, request_access or list_my_grants");

const INSTRUCTIONS = `Baton gives this agent just-in-time, time-boxed access to tools, decided by people.
Typical loop: list_scopes → request_access (the narrowest scopes, the shortest duration, a justification a human approver understands) → if the request is PENDING, wait_for_decision until a person approves or denies it in Baton's web app → get_token for the resource server (audience) you are about to call, and send it as "Authorization: Bearer <token>" → release_grant when the task is done.
Nothing here approves, denies or widens access: only people do. Do not retry a denied request unchanged.`;

/**
 * The MCP server for one agent: tools over the agent API, and its active grants as a subscribable
 * resource. The same server runs over stdio (`baton mcp`) and streamable HTTP (`/api/mcp`).
 */
export function createBatonMcpServer(options: {
  backend: AgentBackend;
  version?: string;
  /** The page in Baton's web app where people decide a request: offered to clients that take URL elicitations. */
  requestPageUrl?: (requestId: string) => string;
}) {
  const { backend } = options;
  const server = new McpServer(
    { name: "baton", title: "Baton just-in-time access", version: options.version ?? "1.0.0" },
    { capabilities: { resources: { subscribe: true, listChanged: false } }, instructions: INSTRUCTIONS },
  );

  server.registerTool(
    "list_scopes",
    {
      title: "List the scopes you may ask for",
      description:
        "Lists the scopes (permissions) this agent may request from Baton: for each, its key, what it allows, its risk (LOW, MEDIUM, HIGH or CRITICAL), the longest a grant of it may last (maxDuration, ISO 8601), whether it is approved automatically or needs a human approver, and the resource server (audience) that enforces it — the audience to pass to get_token. Call it before request_access and pick the narrowest scope that does the job.",
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    () =>
      answer(async () => {
        const scopes = (await backend.listScopes()).map((scope) => ({
          key: scope.key,
          description: scope.description,
          risk: scope.risk,
          maxDuration: formatIsoDuration(scope.maxDurationSeconds),
          maxDurationSeconds: scope.maxDurationSeconds,
          autoApproved: scope.autoApprove,
          approvalsRequired: scope.autoApprove ? 0 : scope.approvalsRequired,
          audience: scope.resourceServer,
        }));
        return {
          summary: scopes.length ? `You may ask for ${scopes.length} scope(s).` : "This agent may not ask for any scope: an admin must make some eligible.",
          data: { scopes },
        };
      }),
  );

  server.registerTool(
    "request_access",
    {
      title: "Request access",
      description:
        "Files an access request with Baton for one or more scopes, for a limited time. If every scope is auto-approved and the duration is within each scope's maximum, the answer already holds the grant (status APPROVED). Otherwise the request is PENDING until people decide it in Baton's web app: call wait_for_decision with the returned requestId. Ask for the narrowest scopes and the shortest duration the task needs; approvers may narrow both.",
      inputSchema: {
        scopes: fileRequestBody.shape.scopes.describe('Scope keys from list_scopes, e.g. ["crm.customers:read"] (1–20, no repeats)'),
        justification: z
          .string()
          .min(10)
          .max(1000)
          .describe("Why the access is needed, in words a human approver can check: the task, the ticket or incident, what will be done (10–1000 characters)"),
        duration: z
          .string()
          .max(40)
          .regex(ISO_DURATION, "must be an ISO 8601 duration such as PT15M, PT1H or P1D")
          .describe(
            "How long the access is needed, as an ISO 8601 duration: PT15M (15 minutes), PT1H, PT1H30M, P1D. At least PT1M; at most each scope's maxDuration (list_scopes)",
          ),
        onBehalfOf: fileRequestBody.shape.onBehalfOf.describe(
          "Email of the person you are acting for, if any; the token will name them (act claim) and they cannot approve it",
        ),
        incidentId: fileRequestBody.shape.incidentId.describe(
          "An open Baton incident (inc_…) to bind the request and its grant to; the grant ends when the incident closes",
        ),
        contextRef: fileRequestBody.shape.contextRef.describe("A ticket, change or other reference shown to approvers, e.g. TICKET-123"),
        authorizationDetails: fileRequestBody.shape.authorizationDetails.describe(
          'Constraints that make the grant narrower, RFC 9396 style: [{"type":"baton_constraint","locations":["tenant:acme"],"actions":["read"]}] limits every call to tenant acme and the read action; "scopes" limits an entry to some of the requested scopes. Approvers may narrow them further',
        ),
      },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
    },
    ({ duration, ...rest }, extra) =>
      answer(async () => {
        // The API's own rules (at least a minute, at most a week, plain text…), whichever backend files it.
        const input = fileRequestBody.safeParse({ ...rest, durationSeconds: parseDuration(duration) });
        if (!input.success)
          throw new Error(
            input.error.issues.map((issue) => `${issue.path[0] === "durationSeconds" ? "duration" : issue.path.join(".")}: ${issue.message}`).join("; "),
          );
        const request = await backend.fileRequest(input.data);
        const view = requestView(request);
        if (request.status !== "PENDING" || !options.requestPageUrl || !server.server.getClientCapabilities()?.elicitation?.url)
          return { summary: describeRequest(request), data: view };
        // MCP URL-mode elicitation (2025-11-25): the host shows the person where the request is decided, instead of the agent only waiting.
        const url = options.requestPageUrl(request.id);
        const elicited = await server.server
          .elicitInput(
            {
              mode: "url",
              elicitationId: request.id,
              url,
              message: `Access request ${request.id} needs a person's approval in Baton. Open it to decide it, or to share it with an approver.`,
            },
            { relatedRequestId: extra.requestId, signal: extra.signal, timeout: ELICITATION_TIMEOUT_MS },
          )
          .then((result) => result.action)
          .catch(() => "unanswered" as const);
        return {
          summary: `${describeRequest(request)} Its page: ${url} (offered to the user: ${elicited}). Call wait_for_decision to learn the decision.`,
          data: { ...view, decisionUrl: url },
        };
      }),
  );

  server.registerTool(
    "wait_for_decision",
    {
      title: "Wait for the decision on a request",
      description:
        "Waits until people decide a PENDING access request, and returns at once when they do (or right away if it is already decided). On approval the answer holds the grant: its id, the scopes and expiry as approved (approvers may have narrowed both). If it is still PENDING when timeoutSeconds pass, call it again. Sends progress notifications while waiting when the call carries a progressToken. If your host times tool calls out after 60 seconds, use timeoutSeconds below that.",
      inputSchema: {
        requestId,
        timeoutSeconds: z
          .number()
          .int()
          .min(0)
          .max(MAX_WAIT_SECONDS)
          .describe(`How long to wait at most, in seconds (0 = just look; up to ${MAX_WAIT_SECONDS})`),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ requestId: id, timeoutSeconds }, extra) =>
      answer(async () => {
        const progressToken = extra._meta?.progressToken;
        const startedAt = Date.now();
        let reported = -1;
        const report = async (request: AccessRequestDto) => {
          if (progressToken === undefined) return;
          // Progress must increase with every notification.
          const elapsed = Math.max(Math.floor((Date.now() - startedAt) / 1000), reported + 1);
          reported = elapsed;
          await extra.sendNotification({
            method: "notifications/progress",
            params: {
              progressToken,
              progress: elapsed,
              total: timeoutSeconds,
              message: `Request ${request.id} is waiting for a human decision (${elapsed}s of ${timeoutSeconds}s)`,
            },
          });
        };
        let request = await backend.getRequest(id, { waitSeconds: 0, signal: extra.signal });
        while (request.status === "PENDING" && !extra.signal.aborted) {
          const remaining = timeoutSeconds - (Date.now() - startedAt) / 1000;
          if (remaining <= 0) break;
          await report(request);
          request = await backend.getRequest(id, { waitSeconds: Math.max(1, Math.min(PROGRESS_EVERY_SECONDS, Math.ceil(remaining))), signal: extra.signal });
        }
        // The URL elicitation request_access opened for this request is complete once people have decided it.
        if (request.status !== "PENDING" && options.requestPageUrl && server.server.getClientCapabilities()?.elicitation?.url)
          await server.server
            .createElicitationCompletionNotifier(request.id, { relatedRequestId: extra.requestId })()
            .catch(() => undefined);
        return { summary: describeRequest(request), data: requestView(request) };
      }),
  );

  server.registerTool(
    "get_token",
    {
      title: "Get a token for a grant",
      description:
        'Returns a short-lived access token (a signed JWT) for one of your active grants, for one resource server (audience — see list_scopes). Send it as "Authorization: Bearer <access_token>" when calling that resource server. It carries only the grant\'s scopes that this resource server enforces, names you (sub), the person you act for (act) and the grant, and lasts at most 5 minutes and never past the grant: call get_token again for a fresh one rather than keeping it. It stops working as soon as the grant ends.',
      inputSchema: {
        grantId,
        audience: z
          .string()
          .min(1)
          .max(200)
          .describe("The audience of the resource server you will call, e.g. https://crm.example.com (list_scopes shows it per scope)"),
      },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
    },
    ({ grantId: id, audience }) =>
      answer(async () => {
        const issued = await backend.issueToken(id, audience);
        const claims = decodeJwt(issued.access_token);
        const actsFor = (claims.act as { sub?: string } | undefined)?.sub ?? null;
        const expiresAt = new Date((claims.exp ?? 0) * 1000).toISOString();
        return {
          summary: `Token for ${audience} with scope "${issued.scope}", valid until ${expiresAt}${actsFor ? `, acting for ${actsFor}` : ""}.`,
          data: {
            access_token: issued.access_token,
            token_type: issued.token_type,
            expires_in: issued.expires_in,
            expiresAt,
            scope: issued.scope,
            claims: {
              agent: claims.sub,
              actsFor,
              grantId: claims.grant_id,
              audience: claims.aud,
              scope: claims.scope,
              issuer: claims.iss,
              tokenId: claims.jti,
            },
          },
        };
      }),
  );

  server.registerTool(
    "get_credentials",
    {
      title: "Get a database, cache or queue credential for a grant",
      description:
        "Returns the short-lived credential (username, password, host, port, database or vhost, and a connection URL) that one of your active grants gives in a credential provider (PostgreSQL, MariaDB, Redis, RabbitMQ). It holds only what the grant's scopes allow and stops working — open sessions are cut — when the grant ends. Asking again returns the same credential; rotate revokes it and returns a new one. Keep the password out of logs and replies.",
      inputSchema: {
        grantId,
        provider: z.string().max(63).optional().describe("The credential provider; may be left out when the grant's scopes name only one"),
        rotate: z.boolean().default(false).describe("Revoke the current credential and mint a new one"),
      },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
    },
    ({ grantId: id, provider, rotate }) =>
      answer(async () => {
        const credential = await backend.getCredentials(id, provider, rotate);
        return { summary: `Credential ${credential.username} in ${credential.provider}, valid until ${credential.expiresAt}.`, data: { credential } };
      }),
  );

  server.registerTool(
    "list_my_grants",
    {
      title: "List your grants",
      description:
        "Lists this agent's grants: id, scopes, the person acted for, when each expires and how many seconds remain, and its incident or ticket. By default only the active ones.",
      inputSchema: { status: z.enum(["active", "expired", "revoked", "all"]).default("active").describe("Which grants to list (default active)") },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ status }) =>
      answer(async () => {
        const grants = await backend.listGrants(status);
        return { summary: `${grants.length} ${status === "all" ? "" : `${status} `}grant(s).`, data: { grants } };
      }),
  );

  server.registerTool(
    "release_grant",
    {
      title: "Release a grant",
      description:
        "Gives one of your grants back before it expires, when the task is done: it is revoked at once and every token issued for it stops working on the next call. This cannot be undone — a new request would be needed.",
      inputSchema: { grantId, reason: z.string().max(500).optional().describe('Why, kept with the grant (e.g. "task finished")') },
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false },
    },
    ({ grantId: id, reason }) =>
      answer(async () => {
        const grant = await backend.releaseGrant(id, reason);
        return { summary: `Grant ${grant.id} is ${grant.status.toLowerCase()}.`, data: { grant } };
      }),
  );

  server.registerResource(
    "active-grants",
    ACTIVE_GRANTS_URI,
    {
      title: "Your active grants",
      description: "This agent's grants that are active now, as JSON. Subscribe to hear when one is approved, expires or is revoked.",
      mimeType: "application/json",
    },
    async (uri) => ({
      contents: [{ uri: uri.href, mimeType: "application/json", text: JSON.stringify({ grants: await backend.listGrants("active") }, null, 2) }],
    }),
  );

  const subscriptions = watchActiveGrants({
    backend,
    onUpdated: () => void server.server.sendResourceUpdated({ uri: ACTIVE_GRANTS_URI }).catch(() => undefined),
  });
  server.server.setRequestHandler(SubscribeRequestSchema, async (request) => {
    if (request.params.uri !== ACTIVE_GRANTS_URI) throw new McpError(ErrorCode.InvalidParams, `Only ${ACTIVE_GRANTS_URI} can be subscribed to`);
    await subscriptions.start();
    return {};
  });
  server.server.setRequestHandler(UnsubscribeRequestSchema, async (request) => {
    if (request.params.uri === ACTIVE_GRANTS_URI) subscriptions.stop();
    return {};
  });
  // Closing the transport (stdin ends, the HTTP session is deleted) ends the watch.
  server.server.onclose = () => subscriptions.stop();

  return server;
}

/** Every failure becomes a tool error the model can read and act on; nothing escapes to crash the server. */
async function answer(run: () => Promise<{ summary: string; data: Record<string, unknown> }>): Promise<CallToolResult> {
  try {
    const { summary, data } = await run();
    return { content: [{ type: "text", text: `${summary}\n${JSON.stringify(data, null, 2)}` }], structuredContent: data };
  } catch (error) {
    return { content: [{ type: "text", text: error instanceof Error ? error.message : String(error) }], isError: true };
  }
}

function requestView(request: AccessRequestDto) {
  return {
    requestId: request.id,
    status: request.status,
    scopesRequested: request.scopes,
    durationRequested: formatIsoDuration(request.durationSeconds),
    onBehalfOf: request.onBehalfOf,
    incidentId: request.incidentId,
    ...(request.authorizationDetails && { authorizationDetailsRequested: request.authorizationDetails }),
    reason: request.reason,
    pendingExpiresAt: request.pendingExpiresAt,
    grant: request.grant && {
      grantId: request.grant.id,
      scopes: request.grant.scopes,
      expiresAt: request.grant.expiresAt,
      secondsRemaining: request.grant.secondsRemaining,
      status: request.grant.status,
      onBehalfOf: request.grant.onBehalfOf,
      ...(request.grant.authorizationDetails && { authorizationDetails: request.grant.authorizationDetails }),
    },
  };
}

function describeRequest(request: AccessRequestDto): string {
  switch (request.status) {
    case "APPROVED": {
      const grant = request.grant;
      if (!grant) return `Request ${request.id} was approved.`;
      const narrowed = grant.scopes.length < request.scopes.length ? ` (narrowed from ${request.scopes.join(", ")})` : "";
      return `Approved: grant ${grant.id} gives ${grant.scopes.join(", ")}${narrowed} until ${grant.expiresAt}. Call get_token with this grantId and the audience of the service you will call.`;
    }
    case "PENDING":
      return `Request ${request.id} is waiting for a human decision (it lapses at ${request.pendingExpiresAt} if nobody decides). Call wait_for_decision with this requestId.`;
    case "DENIED":
      return `Denied${request.reason ? `: ${request.reason}` : ""}. Do not retry unchanged; explain to the person you work for, or ask for less.`;
    case "CANCELLED":
      return `Request ${request.id} was cancelled${request.reason ? `: ${request.reason}` : ""}.`;
    case "EXPIRED":
      return `Request ${request.id} lapsed: nobody decided it in time. File a new request if the access is still needed.`;
  }
}

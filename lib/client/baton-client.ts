import { z } from "zod";
import {
  agentKeySchema,
  agentSchema,
  type createAgentBody,
  type createAgentKeyBody,
  type disableAgentBody,
  issuedAgentKeySchema,
  type rotateAgentKeyBody,
  type updateAgentBody,
} from "@/lib/agents/schemas";
import { problemSchema } from "@/lib/kernel/common-schemas";
import { issuedTokenSchema } from "@/lib/grant-tokens/schemas";
import { issuedCredentialsSchema } from "@/lib/credentials/schemas";
import { grantSchema, type listGrantsQuery } from "@/lib/grants/schemas";
import { type createGroupBody, groupSchema, type updateGroupBody } from "@/lib/groups/schemas";
import {
  createdResourceServerSchema,
  type createResourceServerBody,
  resourceServerSchema,
  type revokeResourceServerBody,
} from "@/lib/resource-servers/schemas";
import { accessRequestPage, accessRequestSchema, type AccessRequestDto, type fileRequestBody, type requestStatusSchema } from "@/lib/requests/schemas";
import { activePolicySetSchema, policyProposalSchema, policyProposalSummarySchema, type proposePoliciesBody } from "@/lib/policy/review-schemas";
import { type createScheduleBody, scheduleSchema, type updateScheduleBody } from "@/lib/schedules/schemas";
import { type createScopeBody, eligibleScopeSchema, scopeSchema, type updateScopeBody } from "@/lib/scopes/schemas";
import { rotatedSigningKeysSchema, type rotateSigningKeysBody, signingKeySchema } from "@/lib/signing-keys/schemas";
import { type createUserBody, createdUserSchema } from "@/lib/users/schemas";
import { BatonApiError, type Problem } from "./baton-api-error";
import { BatonNetworkError } from "./baton-network-error";
import { BatonUnexpectedResponseError } from "./baton-unexpected-response-error";
import type { HttpAnswer, HttpFetch } from "./node-http-fetch";

export interface BatonClientOptions {
  /** Where Baton runs, e.g. `http://localhost:3000`; a path prefix is kept. */
  baseUrl: string;
  /**
   * An agent's API key for agent routes, or a person's personal API token for admin routes; or a source
   * of agent access tokens (workloadTokenSource), asked before every call.
   */
  token: string | (() => Promise<string>);
  /** Default: the global fetch (the CLI passes nodeHttpFetch, which starts faster). */
  fetch?: HttpFetch;
  /** Default ANSWER_TIMEOUT_MS. */
  answerTimeoutMs?: number;
}

export interface WaitForDecisionOptions {
  timeoutMs: number;
  /** Called after every poll that found the request still pending. */
  onTick?: (request: AccessRequestDto, elapsedMs: number) => void;
}

/** The longest long-poll the server accepts (`?wait=`). */
const MAX_WAIT_SECONDS = 60;
// A server that ends a long-poll early while the request is still pending must not be polled in a tight loop.
const MIN_POLL_INTERVAL_MS = 1000;
/**
 * How long a call may take beyond any long-poll it asked for, and how long an event stream may take to
 * open: a Baton (or a proxy) that accepted the connection and then went silent fails the call, not the caller.
 */
export const ANSWER_TIMEOUT_MS = 30_000;

type Method = "GET" | "POST" | "PATCH" | "DELETE";
type Query = Record<string, string | number | undefined>;

const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
const grantList = itemsOf(grantSchema);
const scopeList = itemsOf(scopeSchema);
const eligibleScopeList = itemsOf(eligibleScopeSchema);
const agentList = itemsOf(agentSchema);
const agentKeyList = itemsOf(agentKeySchema);
const signingKeyList = itemsOf(signingKeySchema);
const groupList = itemsOf(groupSchema);
const resourceServerList = itemsOf(resourceServerSchema);
const scheduleList = itemsOf(scheduleSchema);
const policyProposalList = itemsOf(policyProposalSummarySchema);

export type BatonClient = ReturnType<typeof createBatonClient>;

/** A typed client for Baton's /api/v1: every answer is checked against the contract's zod schemas. */
export function createBatonClient(options: BatonClientOptions) {
  const baseUrl = normalizeBaseUrl(options.baseUrl);
  const fetchImpl: HttpFetch = options.fetch ?? globalThis.fetch;
  const answerTimeoutMs = options.answerTimeoutMs ?? ANSWER_TIMEOUT_MS;
  const { token } = options;
  const currentToken = typeof token === "string" ? () => Promise.resolve(token) : token;

  async function call<T extends z.ZodType>(
    method: Method,
    path: string,
    schema: T,
    init: { query?: Query; body?: unknown; headers?: Record<string, string>; signal?: AbortSignal; waitSeconds?: number } = {},
  ): Promise<z.output<T>> {
    const url = baseUrl + path + queryString(init.query);
    const headers: Record<string, string> = {
      accept: "application/json, application/problem+json",
      authorization: `Bearer ${await currentToken()}`,
      ...init.headers,
    };
    if (init.body !== undefined) headers["content-type"] = "application/json";

    const timeoutMs = (init.waitSeconds ?? 0) * 1000 + answerTimeoutMs;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    let response: HttpAnswer;
    let text: string;
    try {
      response = await fetchImpl(url, { method, headers, body: init.body === undefined ? undefined : JSON.stringify(init.body), signal });
      text = await response.text();
    } catch (error) {
      const cause = timeout.aborted && !init.signal?.aborted ? new Error(`no answer within ${timeoutMs / 1000} s`) : error;
      throw new BatonNetworkError({ method, url, cause });
    }

    if (!response.ok) {
      throw new BatonApiError({ method, url, problem: readProblem(response, text), retryAfterSeconds: readRetryAfter(response) });
    }
    const unexpected = (reason: string) => new BatonUnexpectedResponseError({ method, url, status: response.status, reason });
    if (response.status === 204) return schema.parse(undefined);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw unexpected(`not JSON: ${snippet(text)}`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw unexpected(describeIssues(parsed.error));
    return parsed.data;
  }

  async function getRequest(id: string, { waitSeconds, signal }: { waitSeconds?: number; signal?: AbortSignal } = {}) {
    return call("GET", `/api/v1/access-requests/${segment(id)}`, accessRequestSchema, { query: { wait: waitSeconds }, signal, waitSeconds });
  }

  return {
    /** Files a request. Pass an idempotency key to make retries safe: the same key and body return the first request. */
    fileRequest: (body: z.input<typeof fileRequestBody>, { idempotencyKey }: { idempotencyKey?: string } = {}) =>
      call("POST", "/api/v1/access-requests", accessRequestSchema, { body, headers: idempotencyKey ? { "idempotency-key": idempotencyKey } : {} }),

    /** With `waitSeconds` (at most 60) the server holds the answer until the request is decided or the time is up; `signal` gives up early. */
    getRequest,

    /** Newest first; pass the page's `nextCursor` as `cursor` for the next one. */
    listRequests: (query: { status?: z.infer<typeof requestStatusSchema>; cursor?: string; limit?: number } = {}) =>
      call("GET", "/api/v1/access-requests", accessRequestPage, { query }),

    cancelRequest: (id: string, { reason }: { reason?: string } = {}) =>
      call("POST", `/api/v1/access-requests/${segment(id)}/cancel`, accessRequestSchema, { body: { reason } }),

    listGrants: async (query: z.input<typeof listGrantsQuery> = {}) =>
      (await call("GET", "/api/v1/grants", grantList, { query: { status: query.status } })).items,

    /**
     * Long-polls until the request leaves PENDING or `timeoutMs` has passed, and returns the last state
     * seen — still PENDING when the time ran out, so the caller decides what a timeout means.
     */
    async waitForDecision(id: string, { timeoutMs, onTick }: WaitForDecisionOptions): Promise<AccessRequestDto> {
      const startedAt = Date.now();
      for (;;) {
        const pollStartedAt = Date.now();
        const remainingMs = timeoutMs - (pollStartedAt - startedAt);
        const request = await getRequest(id, { waitSeconds: Math.min(Math.max(Math.ceil(remainingMs / 1000), 0), MAX_WAIT_SECONDS) });
        if (request.status !== "PENDING") return request;
        const elapsedMs = Date.now() - startedAt;
        onTick?.(request, elapsedMs);
        if (elapsedMs >= timeoutMs) return request;
        const pause = Math.min(MIN_POLL_INTERVAL_MS - (Date.now() - pollStartedAt), timeoutMs - elapsedMs);
        if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
      }
    },

    /** The scopes the calling agent may ask for. */
    listEligibleScopes: async () => (await call("GET", "/api/v1/scopes", eligibleScopeList)).items,

    /** A short-lived token for one of the agent's grants, for one resource server (its audience). */
    issueGrantToken: (grantId: string, audience: string) => call("POST", `/api/v1/grants/${segment(grantId)}/token`, issuedTokenSchema, { body: { audience } }),
    /** The grant's short-lived credential in a credential provider (the same one on every call unless `rotate`). */
    getCredentials: (grantId: string, provider: string | undefined, options: { rotate?: boolean } = {}) =>
      call("POST", `/api/v1/grants/${segment(grantId)}/credentials`, issuedCredentialsSchema, { body: { provider, rotate: options.rotate ?? false } }),

    /** An agent gives its own grant back early; an admin revokes any. */
    revokeGrant: (grantId: string, { reason }: { reason?: string } = {}) =>
      call("POST", `/api/v1/grants/${segment(grantId)}/revoke`, grantSchema, { body: { reason } }),

    /**
     * The agent's event stream (server-sent events of its own changes), for as long as `signal` is not
     * aborted: reconnects after a drop with Last-Event-ID, so no event is lost, and calls `onEvent` with each.
     * Resolves once the first connection is open (events from then on are delivered), or rejects with why
     * it could not open; later drops are retried quietly.
     */
    followEvents: (onEvent: (event: AgentEvent) => void, { signal }: { signal: AbortSignal }) =>
      followEvents(baseUrl + "/api/v1/events", currentToken, fetchImpl, onEvent, signal, answerTimeoutMs),

    listScopes: async () => (await call("GET", "/api/v1/admin/scopes", scopeList)).items,

    createScope: (body: z.input<typeof createScopeBody>) => call("POST", "/api/v1/admin/scopes", scopeSchema, { body }),

    updateScope: (key: string, body: z.input<typeof updateScopeBody>) => call("PATCH", `/api/v1/admin/scopes/${segment(key)}`, scopeSchema, { body }),

    listAgents: async () => (await call("GET", "/api/v1/admin/agents", agentList)).items,

    createAgent: (body: z.input<typeof createAgentBody>) => call("POST", "/api/v1/admin/agents", agentSchema, { body }),

    /** Replaces what is given: `eligibleScopes` as a whole list. */
    updateAgent: (agentId: string, body: z.input<typeof updateAgentBody>) => call("PATCH", `/api/v1/admin/agents/${segment(agentId)}`, agentSchema, { body }),

    listAgentKeys: async (agentId: string) => (await call("GET", `/api/v1/admin/agents/${segment(agentId)}/keys`, agentKeyList)).items,

    /** The answer's `key` is the secret: Baton keeps only its hash, so it cannot be shown again. */
    createAgentKey: (agentId: string, body: z.input<typeof createAgentKeyBody> = {}) =>
      call("POST", `/api/v1/admin/agents/${segment(agentId)}/keys`, issuedAgentKeySchema, { body }),

    rotateAgentKey: (agentId: string, keyId: string, body: z.input<typeof rotateAgentKeyBody> = {}) =>
      call("POST", `/api/v1/admin/agents/${segment(agentId)}/keys/${segment(keyId)}/rotate`, issuedAgentKeySchema, { body }),

    revokeAgentKey: (agentId: string, keyId: string) => call("POST", `/api/v1/admin/agents/${segment(agentId)}/keys/${segment(keyId)}/revoke`, agentKeySchema),

    disableAgent: (agentId: string, body: z.input<typeof disableAgentBody> = {}) =>
      call("POST", `/api/v1/admin/agents/${segment(agentId)}/disable`, agentSchema, { body }),

    listGroups: async () => (await call("GET", "/api/v1/admin/groups", groupList)).items,

    /** `memberEmails` replaces the members set in Baton (identity-provider memberships stay). */
    updateGroup: (groupId: string, body: z.input<typeof updateGroupBody>) => call("PATCH", `/api/v1/admin/groups/${segment(groupId)}`, groupSchema, { body }),

    listResourceServers: async () => (await call("GET", "/api/v1/admin/resource-servers", resourceServerList)).items,

    /** The answer's `secret` is shown once: Baton keeps only its hash. */
    createResourceServer: (body: z.input<typeof createResourceServerBody>) =>
      call("POST", "/api/v1/admin/resource-servers", createdResourceServerSchema, { body }),

    revokeResourceServer: (id: string, body: z.input<typeof revokeResourceServerBody>) =>
      call("POST", `/api/v1/admin/resource-servers/${segment(id)}/revoke`, resourceServerSchema, { body }),

    getActivePolicySet: () => call("GET", "/api/v1/admin/policies", activePolicySetSchema),

    listPolicyProposals: async (query: { status?: "pending" | "approved" | "rejected" } = {}) =>
      (await call("GET", "/api/v1/admin/policy-proposals", policyProposalList, { query })).items,

    getPolicyProposal: (id: string) => call("GET", `/api/v1/admin/policy-proposals/${segment(id)}`, policyProposalSchema),

    /** The whole set; it becomes active only when a different admin approves it. */
    proposePolicies: (body: z.input<typeof proposePoliciesBody>) => call("POST", "/api/v1/admin/policy-proposals", policyProposalSchema, { body }),

    listSchedules: async () => (await call("GET", "/api/v1/admin/schedules", scheduleList)).items,

    createSchedule: (body: z.input<typeof createScheduleBody>) => call("POST", "/api/v1/admin/schedules", scheduleSchema, { body }),

    /** Rules and windows given replace the old ones. */
    updateSchedule: (id: string, body: z.input<typeof updateScheduleBody>) => call("PATCH", `/api/v1/admin/schedules/${segment(id)}`, scheduleSchema, { body }),

    deleteSchedule: (id: string) => call("DELETE", `/api/v1/admin/schedules/${segment(id)}`, z.undefined()),

    createGroup: (body: z.input<typeof createGroupBody>) => call("POST", "/api/v1/admin/groups", groupSchema, { body }),

    createUser: (body: z.input<typeof createUserBody>) => call("POST", "/api/v1/admin/users", createdUserSchema, { body }),

    listSigningKeys: async () => (await call("GET", "/api/v1/admin/signing-keys", signingKeyList)).items,

    /** The retired key keeps verifying tokens for the overlap (at least a token's lifetime). */
    rotateSigningKeys: (body: z.input<typeof rotateSigningKeysBody> = {}) =>
      call("POST", "/api/v1/admin/signing-keys/rotate", rotatedSigningKeysSchema, { body }),
  };
}

export interface AgentEvent {
  id: string;
  action: string;
  subject: { kind: string; id: string };
}

const RECONNECT_DELAY_MS = 2000;

async function followEvents(
  url: string,
  currentToken: () => Promise<string>,
  fetchImpl: HttpFetch,
  onEvent: (event: AgentEvent) => void,
  signal: AbortSignal,
  openTimeoutMs: number,
): Promise<void> {
  let lastEventId: string | null = null;
  const open = async () => {
    const headers: Record<string, string> = {
      accept: "text/event-stream",
      authorization: `Bearer ${await currentToken()}`,
      ...(lastEventId ? { "last-event-id": lastEventId } : {}),
    };
    // The stream itself lasts as long as `signal`; only opening it is bounded.
    const opening = new AbortController();
    const giveUp = setTimeout(() => opening.abort(new DOMException(`no answer within ${openTimeoutMs / 1000} s`, "TimeoutError")), openTimeoutMs);
    let response: HttpAnswer;
    try {
      response = await fetchImpl(url, { headers, signal: AbortSignal.any([signal, opening.signal]) });
    } catch (error) {
      throw new BatonNetworkError({ method: "GET", url, cause: error });
    } finally {
      clearTimeout(giveUp);
    }
    if (!response.ok || !response.body) throw new BatonApiError({ method: "GET", url, problem: readProblem(response, await response.text()) });
    return response.body;
  };
  const deliver = async (body: ReadableStream<Uint8Array>) => {
    for await (const message of serverSentMessages(body)) {
      if (message.id) lastEventId = message.id;
      try {
        const data = JSON.parse(message.data) as { action?: unknown; subject?: { kind?: unknown; id?: unknown } };
        if (typeof data.action === "string" && typeof data.subject?.kind === "string" && typeof data.subject.id === "string")
          onEvent({ id: message.id ?? "", action: data.action, subject: { kind: data.subject.kind, id: data.subject.id } });
      } catch {
        // not an event of this shape
      }
    }
  };
  const first = await open();
  void (async () => {
    let body: ReadableStream<Uint8Array> | null = first;
    while (!signal.aborted) {
      try {
        await deliver(body ?? (await open()));
      } catch {
        // dropped or refused: retried below unless given up
      }
      body = null;
      if (!signal.aborted) await new Promise((resolve) => setTimeout(resolve, RECONNECT_DELAY_MS));
    }
  })();
}

/** The `id` and `data` of each message of a text/event-stream body (comments and `retry:` are skipped). */
async function* serverSentMessages(body: ReadableStream<Uint8Array>): AsyncGenerator<{ id: string | null; data: string }> {
  const decoder = new TextDecoder();
  let buffer = "";
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true }).replace(/\r\n?/g, "\n");
    let end: number;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let id: string | null = null;
      const data: string[] = [];
      for (const line of block.split("\n")) {
        const [field, ...rest] = line.split(":");
        const value = rest.join(":").replace(/^ /, "");
        if (field === "id") id = value;
        else if (field === "data") data.push(value);
      }
      if (data.length > 0) yield { id, data: data.join("\n") };
    }
  }
}

function normalizeBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(`Baton URL is not a valid URL: ${JSON.stringify(baseUrl)}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error(`Baton URL must be http or https: ${baseUrl}`);
  return url.origin + url.pathname.replace(/\/+$/, "");
}

// Ids come from users and agents: encoding keeps a stray "/" or "?" from reaching another route.
const segment = (value: string) => encodeURIComponent(value);

function queryString(query: Query | undefined): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) if (value !== undefined) params.set(name, String(value));
  const text = params.toString();
  return text ? `?${text}` : "";
}

// Anything in front of Baton (a proxy, a load balancer) may answer errors in HTML: keep the status and a hint of the body.
function readProblem(response: HttpAnswer, text: string): Problem {
  try {
    const parsed = problemSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // not JSON: described below
  }
  return { type: "about:blank", title: response.statusText || "HTTP error", status: response.status, detail: snippet(text) };
}

function readRetryAfter(response: HttpAnswer): number | null {
  const header = response.headers.get("retry-after");
  return header && /^\d+$/.test(header.trim()) ? Number(header) : null;
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`)
    .join("; ");
}

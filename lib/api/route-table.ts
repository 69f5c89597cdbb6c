import { z } from "zod";
import type { CallerKind } from "@/lib/authorization/rules";
import { agentKeyParams, agentParams } from "@/lib/agents/route-params";
import {
  agentKeySchema,
  agentSchema,
  createAgentBody,
  createAgentKeyBody,
  disableAgentBody,
  issuedAgentKeySchema,
  rotateAgentKeyBody,
  updateAgentBody,
} from "@/lib/agents/schemas";
import {
  checkResultSchema,
  createCredentialProviderBody,
  credentialProviderParams,
  credentialProviderSchema,
  issueCredentialsBody,
  issuedCredentialsSchema,
  updateCredentialProviderBody,
} from "@/lib/credentials/schemas";
import { decisionQuestionBody, decisionSchema } from "@/lib/decisions/schemas";
import {
  exchangedTokenSchema,
  introspectBody,
  introspectionSchema,
  issuedTokenSchema,
  issueTokenBody,
  oauthErrorSchema,
  tokenExchangeBody,
} from "@/lib/grant-tokens/schemas";
import {
  activePolicySetSchema,
  listPolicyProposalsQuery,
  policiesBody,
  policyProposalParams,
  policyProposalSchema,
  policyProposalSummarySchema,
  policyValidationAnswer,
  proposePoliciesBody,
  rejectProposalBody,
} from "@/lib/policy/review-schemas";
import { simulateBody, simulationSchema } from "@/lib/policy/simulation-schemas";
import { createGroupBody, groupParams, groupSchema, updateGroupBody } from "@/lib/groups/schemas";
import { grantParams, grantSchema, listGrantsQuery, revokeGrantBody } from "@/lib/grants/schemas";
import {
  createdIntegrationSchema,
  createIntegrationBody,
  grantAuthorityBody,
  grantedAuthoritySchema,
  incidentParams,
  incidentSchema,
  integrationIdParams,
  integrationParams,
  integrationSchema,
  listIncidentsQuery,
  openIncidentBody,
  resolveIncidentBody,
  handOverIncidentBody,
  revokeIntegrationBody,
  webhookHeaders,
  webhookOutcomeSchema,
} from "@/lib/incidents/schemas";
import {
  accessRequestPage,
  accessRequestSchema,
  cancelRequestBody,
  fileRequestBody,
  getRequestQuery,
  listRequestsQuery,
  requestParams,
} from "@/lib/requests/schemas";
import {
  createdResourceServerSchema,
  createResourceServerBody,
  resourceServerParams,
  resourceServerSchema,
  revokeResourceServerBody,
  rotateResourceServerSecretBody,
} from "@/lib/resource-servers/schemas";
import { onCallSchema, setOnCallBody } from "@/lib/on-call/schemas";
import { createScheduleBody, scheduleParams, scheduleSchema, updateScheduleBody } from "@/lib/schedules/schemas";
import {
  agentFederationBody,
  agentFederationSchema,
  createFederatedIdentityBody,
  createWorkloadIssuerBody,
  federatedIdentityParams,
  federatedIdentitySchema,
  workloadIssuerParams,
  workloadIssuerSchema,
} from "@/lib/workload-identity/schemas";
import { agentAccessTokenSchema, jwtBearerGrantBody, workloadTokenExchangeBody } from "@/lib/workload-identity/token-request-schemas";
import { createScopeBody, eligibleScopeSchema, scopeParams, scopeSchema, updateScopeBody } from "@/lib/scopes/schemas";
import { rotatedSigningKeysSchema, rotateSigningKeysBody, signingKeySchema } from "@/lib/signing-keys/schemas";
import { createUserBody, createdUserSchema } from "@/lib/users/schemas";
import {
  createdWebhookEndpointSchema,
  createWebhookEndpointBody,
  updateWebhookEndpointBody,
  webhookDeliverySchema,
  webhookEndpointDetailSchema,
  webhookEndpointParams,
  webhookEndpointSchema,
} from "@/lib/webhooks/schemas";

/** `incident-webhook`: not a bearer credential but a Standard Webhooks signature with the integration's secret. */
export type Caller = CallerKind | "incident-webhook";

/** Up to 10,000 policies in one set: what validation, simulation and proposals must accept. */
export const POLICY_SET_BODY_BYTES = 8 * 1024 * 1024;

export interface RouteSpec {
  method: "get" | "post" | "put" | "patch" | "delete";
  /** A template type, so each entry keeps its literal path and `route()` can find it by type. */
  path: `/api/v1/${string}`;
  /** Several callers: any one of them may call the route. */
  caller: Caller | Caller[];
  summary: string;
  description?: string;
  body?: z.ZodType;
  /** The body may also be sent as application/x-www-form-urlencoded (OAuth-style endpoints). */
  acceptsForm?: boolean;
  /** Errors are RFC 6749 `{error, error_description}` JSON instead of problem+json (the OAuth token endpoint). */
  oauthErrors?: boolean;
  /** Body fields that may hold any text, NUL included: examined, never stored (see readJsonBody). */
  examinedOnly?: readonly string[];
  query?: z.ZodObject;
  /** One schema per `{name}` in the path. */
  params?: z.ZodObject;
  headers?: z.ZodObject;
  /** Also a signed-in person's browser session: same-origin JSON requests, as the browser's own endpoints take them. */
  session?: boolean;
  /** A larger body than the default cap (whole policy sets): still refused beyond it, by Content-Length or while reading. */
  maxBodyBytes?: number;
  responses: Record<number, { description: string; schema?: z.ZodType; contentType?: string }>;
}

const idempotencyHeaders = z.object({
  "idempotency-key": z
    .string()
    .min(1)
    .max(255)
    .optional()
    .meta({ description: "Retries with the same key and body return the same request (200); a different body is refused (422)" }),
});

/**
 * Every /api/v1 route, declared once: each handler takes its spec with `route()` and apiRoute parses with
 * its schemas; the OpenAPI document and the fuzz suites read the same entries, so they cannot drift apart.
 * `satisfies` (not a type annotation) keeps each entry's own schema types, so handlers stay typed.
 */
const ROUTE_SPECS = [
  {
    method: "post",
    path: "/api/v1/access-requests",
    caller: "agent",
    summary: "File an access request",
    description: "A request whose every scope is auto-approve and within its maximum is approved at once: the response already carries the grant.",
    body: fileRequestBody,
    headers: idempotencyHeaders,
    responses: {
      201: { description: "Filed", schema: accessRequestSchema },
      200: { description: "Retry of an earlier call with the same Idempotency-Key and body", schema: accessRequestSchema },
      403: { description: "A scope is outside the agent's eligible set" },
      413: { description: "Body over 64 KiB" },
      422: { description: "Idempotency-Key reused with a different body" },
      429: { description: "Too many requests filed; see Retry-After" },
    },
  },
  {
    method: "get",
    path: "/api/v1/access-requests",
    caller: "agent",
    summary: "List the agent's own requests, newest first",
    query: listRequestsQuery,
    responses: { 200: { description: "A page of requests", schema: accessRequestPage } },
  },
  {
    method: "get",
    path: "/api/v1/access-requests/{id}",
    caller: "agent",
    params: requestParams,
    summary: "Get one of the agent's requests; with ?wait=N, long-poll until it is decided",
    query: getRequestQuery,
    responses: { 200: { description: "The request", schema: accessRequestSchema }, 404: { description: "No such request for this agent" } },
  },
  {
    method: "post",
    path: "/api/v1/access-requests/{id}/cancel",
    caller: "agent",
    params: requestParams,
    summary: "Cancel a pending request",
    body: cancelRequestBody,
    responses: {
      200: { description: "Cancelled", schema: accessRequestSchema },
      404: { description: "No such request for this agent" },
      409: { description: "The request is no longer pending" },
    },
  },
  {
    method: "get",
    path: "/api/v1/grants",
    caller: "agent",
    summary: "List the agent's own grants",
    query: listGrantsQuery,
    responses: { 200: { description: "Grants", schema: z.object({ items: z.array(grantSchema) }) } },
  },
  {
    method: "post",
    path: "/api/v1/grants/{id}/token",
    caller: "agent",
    params: grantParams,
    summary: "Get a short-lived token for one of the agent's grants, for one resource server",
    description:
      "An RFC 9068 JWT (typ at+jwt, EdDSA, `kid` in the JWKS at /.well-known/jwks.json) with iss, sub (the agent), aud (the resource server), scope (the grant's scopes that resource server enforces), jti, grant_id, client_id (the agent), sub_profile ai_agent, iat, exp (at most 5 minutes, never after the grant) and act {sub, sub_profile: user} (the person the agent acts for, if any).",
    body: issueTokenBody,
    responses: {
      200: { description: "Issued", schema: issuedTokenSchema },
      403: { description: "No resource server has that audience, or none of the grant's scopes is enforced by it" },
      404: { description: "No such grant for this agent" },
      409: { description: "The grant is not active now (revoked, expired or not started)" },
    },
  },
  {
    method: "post",
    path: "/api/v1/grants/{id}/credentials",
    caller: "agent",
    params: grantParams,
    summary: "Get the grant's short-lived credential in a credential provider (PostgreSQL, MariaDB, Redis, RabbitMQ)",
    description:
      "A principal created for this grant holding exactly the privileges of the grant's scopes that name this provider, valid until the grant ends; when the grant ends its sessions are terminated and it is removed. Asking again returns the same credential; `rotate: true` revokes it and mints a new one. The password is shown to the agent only.",
    body: issueCredentialsBody,
    responses: {
      200: { description: "The credential", schema: issuedCredentialsSchema },
      400: { description: "No provider has that name" },
      403: { description: "None of the grant's scopes gives credentials in that provider" },
      404: { description: "No such grant for this agent" },
      409: { description: "The grant is not active now" },
      422: { description: "The provider refused to create the principal" },
      503: { description: "The provider cannot be reached; nothing was created. See Retry-After" },
    },
  },
  {
    method: "post",
    path: "/api/v1/token",
    caller: "agent",
    examinedOnly: ["subject_token", "assertion"],
    summary: "Exchange a grant for a grant token (RFC 8693), or a workload identity token for an agent access token (RFC 7523 / RFC 8693)",
    description:
      "grant_type=urn:ietf:params:oauth:grant-type:token-exchange; subject_token = the grant id with subject_token_type urn:baton:params:oauth:token-type:grant-id; the agent key as actor_token (actor_token_type urn:baton:params:oauth:token-type:agent-key) or as Authorization: Bearer; audience (or resource) = the resource server. Answers the same token as POST /api/v1/grants/{id}/token, with issued_token_type. Errors are RFC 6749 JSON: invalid_request, invalid_client (401), invalid_grant (unknown or inactive grant), invalid_target (audience), invalid_scope, unsupported_grant_type.\n\nWorkload identity federation (no agent key): grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer with assertion=<the platform JWT> (RFC 7523), or grant_type=urn:ietf:params:oauth:grant-type:token-exchange with subject_token=<the platform JWT> and subject_token_type=urn:ietf:params:oauth:token-type:jwt (RFC 8693). The JWT must be signed by a registered workload issuer (asymmetric algorithms only), carry its registered audience, be current (60 s skew), name a jti (used once) and match a federated identity of exactly one agent (or name it as client_id). resource (RFC 8707) = Baton's URL (the agent API, default) or <Baton URL>/api/mcp. Answers an agent access token (at most 900 s) usable as Bearer wherever an agent key works. Every refusal is invalid_grant, audited.",
    body: z
      .union([tokenExchangeBody, workloadTokenExchangeBody, jwtBearerGrantBody])
      .meta({ id: "TokenRequest", description: "A grant exchange (RFC 8693), or a workload identity token (RFC 8693 or RFC 7523)" }),
    acceptsForm: true,
    oauthErrors: true,
    responses: {
      200: {
        description: "Issued",
        schema: z.union([exchangedTokenSchema, agentAccessTokenSchema]).meta({ id: "TokenResponse", description: "A grant token, or an agent access token" }),
      },
      400: {
        description: "invalid_request, invalid_grant, invalid_target, invalid_scope or unsupported_grant_type",
        schema: oauthErrorSchema,
        contentType: "application/json",
      },
      401: { description: "invalid_client: the agent key is missing or not valid", schema: oauthErrorSchema, contentType: "application/json" },
    },
  },
  {
    method: "get",
    path: "/api/v1/scopes",
    caller: "agent",
    summary: "List the scopes this agent may ask for",
    responses: { 200: { description: "The agent's eligible scopes", schema: z.object({ items: z.array(eligibleScopeSchema) }) } },
  },
  {
    method: "post",
    path: "/api/v1/grants/{id}/revoke",
    caller: ["agent", "admin"],
    params: grantParams,
    summary: "Revoke a grant now: an agent releases its own, an admin any",
    body: revokeGrantBody,
    responses: {
      200: { description: "Revoked", schema: grantSchema },
      404: { description: "No such grant (for an agent: of its own)" },
      409: { description: "The grant has already ended; the detail says when and how" },
    },
  },
  {
    method: "post",
    path: "/api/v1/introspect",
    caller: "resource-server",
    examinedOnly: ["token"],
    summary: "Introspect a grant token (RFC 7662)",
    description:
      'Active only if Baton signed the token for the calling resource server\'s audience, it has not expired, and its grant is still valid now (read from the database, not the token). Anything else answers exactly {"active": false}, with status 200.',
    body: introspectBody,
    acceptsForm: true,
    responses: {
      200: { description: "The token's state", schema: introspectionSchema },
      401: { description: "No resource-server credential (RFC 7662: introspection needs one)" },
    },
  },
  {
    method: "post",
    path: "/api/v1/decisions",
    caller: "resource-server",
    examinedOnly: ["token"],
    summary: "Decide whether a call may go ahead, by grant token or by agent and scope",
    description:
      "Answered from an in-memory index of live grants kept current by the database's change notifications (from the database itself whenever the index is not known to be current), with expiry compared at the moment of the decision. A deny is `allow: false` with a reason; so is a failure to read the current state (`unavailable`).",
    body: decisionQuestionBody,
    responses: { 200: { description: "The decision", schema: decisionSchema }, 401: { description: "No resource-server credential" } },
  },
  {
    method: "get",
    path: "/api/v1/events",
    caller: "agent",
    summary: "Server-sent events of the agent's own request and grant changes",
    description: "Each event's `id` is an audit sequence number; reconnect with `Last-Event-ID` to resume without losing events.",
    responses: { 200: { description: "An event stream", contentType: "text/event-stream" } },
  },
  {
    method: "get",
    path: "/api/v1/admin/scopes",
    caller: "admin",
    summary: "List the scope catalog",
    responses: { 200: { description: "Scopes", schema: z.object({ items: z.array(scopeSchema) }) } },
  },
  {
    method: "post",
    path: "/api/v1/admin/scopes",
    caller: "admin",
    summary: "Add a scope to the catalog",
    body: createScopeBody,
    responses: { 201: { description: "Created", schema: scopeSchema }, 409: { description: "A scope with that key exists" } },
  },
  {
    method: "patch",
    path: "/api/v1/admin/scopes/{key}",
    caller: "admin",
    params: scopeParams,
    summary: "Change a scope (its key is immutable)",
    body: updateScopeBody,
    responses: { 200: { description: "Updated", schema: scopeSchema }, 404: { description: "No such scope" } },
  },
  {
    method: "get",
    path: "/api/v1/admin/agents",
    caller: "admin",
    summary: "List agents",
    responses: { 200: { description: "Agents", schema: z.object({ items: z.array(agentSchema) }) } },
  },
  {
    method: "post",
    path: "/api/v1/admin/agents",
    caller: "admin",
    summary: "Register an agent",
    body: createAgentBody,
    responses: { 201: { description: "Created", schema: agentSchema }, 409: { description: "An agent with that name exists" } },
  },
  {
    method: "patch",
    path: "/api/v1/admin/agents/{id}",
    caller: "admin",
    params: agentParams,
    summary: "Change an agent's description, tags, owner or eligible scopes (its name is immutable)",
    body: updateAgentBody,
    responses: { 200: { description: "Updated", schema: agentSchema }, 404: { description: "No such agent" } },
  },
  {
    method: "get",
    path: "/api/v1/admin/agents/{id}/keys",
    caller: "admin",
    params: agentParams,
    summary: "List an agent's keys (never the secrets)",
    responses: { 200: { description: "Keys", schema: z.object({ items: z.array(agentKeySchema) }) } },
  },
  {
    method: "post",
    path: "/api/v1/admin/agents/{id}/keys",
    caller: "admin",
    params: agentParams,
    summary: "Issue a key for an agent (shown once)",
    body: createAgentKeyBody,
    responses: { 201: { description: "Issued", schema: issuedAgentKeySchema } },
  },
  {
    method: "post",
    path: "/api/v1/admin/agents/{id}/keys/{keyId}/rotate",
    caller: "admin",
    params: agentKeyParams,
    summary: "Issue a replacement key; the old one keeps working for the overlap, then stops",
    body: rotateAgentKeyBody,
    responses: { 201: { description: "Issued", schema: issuedAgentKeySchema } },
  },
  {
    method: "post",
    path: "/api/v1/admin/agents/{id}/keys/{keyId}/revoke",
    caller: "admin",
    params: agentKeyParams,
    summary: "Revoke a key at once",
    responses: { 200: { description: "Revoked", schema: agentKeySchema } },
  },
  {
    method: "post",
    path: "/api/v1/admin/agents/{id}/disable",
    caller: "admin",
    params: agentParams,
    summary: "Disable an agent: revokes its keys, cancels its pending requests and revokes its active grants, in one transaction",
    body: disableAgentBody,
    responses: { 200: { description: "Disabled", schema: agentSchema } },
  },
  {
    method: "get",
    path: "/api/v1/admin/groups",
    caller: "admin",
    summary: "List approver groups with their members",
    responses: { 200: { description: "Approver groups", schema: z.object({ items: z.array(groupSchema) }) } },
  },
  {
    method: "post",
    path: "/api/v1/admin/groups",
    caller: "admin",
    summary: "Create an approver group",
    body: createGroupBody,
    responses: { 201: { description: "Created", schema: groupSchema } },
  },
  {
    method: "patch",
    path: "/api/v1/admin/groups/{id}",
    caller: "admin",
    params: groupParams,
    summary: "Change an approver group's description, members or chat (Slack-compatible) incoming-webhook URL",
    body: updateGroupBody,
    responses: { 200: { description: "Updated", schema: groupSchema }, 404: { description: "No such group" } },
  },
  {
    method: "get",
    path: "/api/v1/admin/groups/{id}/on-call",
    caller: "admin",
    params: groupParams,
    summary: "Who is on call for an approver group now",
    responses: { 200: { description: "The people on call (expired shifts left out)", schema: onCallSchema }, 404: { description: "No such group" } },
  },
  {
    method: "put",
    path: "/api/v1/admin/groups/{id}/on-call",
    caller: "admin",
    params: groupParams,
    summary: "Replace who is on call for an approver group (members only; an empty list: nobody)",
    description: "Policies read on-call state per group name. An incident tool can set it too, by an `oncall.changed` event on its signed webhook.",
    body: setOnCallBody,
    responses: {
      200: { description: "Set", schema: onCallSchema },
      400: { description: "Someone named is not an active member of the group, or `until` is not in the future" },
      404: { description: "No such group" },
    },
  },
  {
    method: "get",
    path: "/api/v1/admin/schedules",
    caller: "admin",
    summary: "List named schedules (maintenance and change windows), each with whether it is open now",
    responses: { 200: { description: "Schedules", schema: z.object({ items: z.array(scheduleSchema) }) } },
  },
  {
    method: "post",
    path: "/api/v1/admin/schedules",
    caller: "admin",
    summary: "Create a named schedule: weekly rules in an IANA timezone plus one-off windows",
    body: createScheduleBody,
    responses: { 201: { description: "Created", schema: scheduleSchema }, 409: { description: "A schedule with that name exists" } },
  },
  {
    method: "get",
    path: "/api/v1/admin/schedules/{id}",
    caller: "admin",
    params: scheduleParams,
    summary: "Get a named schedule",
    responses: { 200: { description: "The schedule", schema: scheduleSchema }, 404: { description: "No such schedule" } },
  },
  {
    method: "patch",
    path: "/api/v1/admin/schedules/{id}",
    caller: "admin",
    params: scheduleParams,
    summary: "Change a named schedule; rules and windows given replace the old ones",
    body: updateScheduleBody,
    responses: {
      200: { description: "Updated", schema: scheduleSchema },
      404: { description: "No such schedule" },
      409: { description: "Another schedule has that name" },
    },
  },
  {
    method: "delete",
    path: "/api/v1/admin/schedules/{id}",
    caller: "admin",
    params: scheduleParams,
    summary: "Delete a named schedule (a policy naming it then finds it closed)",
    responses: { 204: { description: "Deleted" }, 404: { description: "No such schedule" } },
  },
  {
    method: "get",
    path: "/api/v1/admin/webhooks",
    caller: "admin",
    summary: "List outbound webhook endpoints (never their secrets)",
    responses: { 200: { description: "Endpoints", schema: z.object({ items: z.array(webhookEndpointSchema) }) } },
  },
  {
    method: "post",
    path: "/api/v1/admin/webhooks",
    caller: "admin",
    summary: "Register an outbound webhook endpoint; its signing secret is shown once",
    description:
      "Audit events whose action matches `eventTypes` are POSTed to the URL, signed per Standard Webhooks (headers webhook-id, webhook-timestamp, webhook-signature), retried with exponential backoff.",
    body: createWebhookEndpointBody,
    responses: { 201: { description: "Registered", schema: createdWebhookEndpointSchema } },
  },
  {
    method: "get",
    path: "/api/v1/admin/webhooks/{id}",
    caller: "admin",
    params: webhookEndpointParams,
    summary: "Get a webhook endpoint with its delivery log",
    responses: {
      200: { description: "The endpoint and its newest deliveries", schema: webhookEndpointDetailSchema },
      404: { description: "No such endpoint" },
    },
  },
  {
    method: "patch",
    path: "/api/v1/admin/webhooks/{id}",
    caller: "admin",
    params: webhookEndpointParams,
    summary: "Change a webhook endpoint's URL, description, event filter or enablement",
    body: updateWebhookEndpointBody,
    responses: { 200: { description: "Updated", schema: webhookEndpointSchema }, 404: { description: "No such endpoint" } },
  },
  {
    method: "delete",
    path: "/api/v1/admin/webhooks/{id}",
    caller: "admin",
    params: webhookEndpointParams,
    summary: "Delete a webhook endpoint and its delivery log",
    responses: { 204: { description: "Deleted" }, 404: { description: "No such endpoint" } },
  },
  {
    method: "post",
    path: "/api/v1/admin/webhooks/{id}/test",
    caller: "admin",
    params: webhookEndpointParams,
    summary: "Send a signed `webhook.test` event to the endpoint",
    responses: {
      202: { description: "Queued; the delivery log shows the outcome", schema: webhookDeliverySchema },
      404: { description: "No such endpoint" },
      409: { description: "The endpoint is disabled" },
    },
  },
  {
    method: "get",
    path: "/api/v1/admin/resource-servers",
    caller: "admin",
    summary: "List resource servers (never their secrets)",
    responses: { 200: { description: "Resource servers", schema: z.object({ items: z.array(resourceServerSchema) }) } },
  },
  {
    method: "post",
    path: "/api/v1/admin/resource-servers",
    caller: "admin",
    summary: "Register a resource server; its caller secret is shown once",
    body: createResourceServerBody,
    responses: {
      201: { description: "Created", schema: createdResourceServerSchema },
      409: { description: "A resource server with that name or audience exists" },
    },
  },
  {
    method: "post",
    path: "/api/v1/admin/resource-servers/{id}/rotate-secret",
    caller: "admin",
    params: resourceServerParams,
    summary: "Issue a new caller secret, shown once; the old one keeps working for the overlap (default: stops now)",
    body: rotateResourceServerSecretBody,
    responses: { 201: { description: "Rotated", schema: createdResourceServerSchema }, 409: { description: "The resource server is revoked" } },
  },
  {
    method: "post",
    path: "/api/v1/admin/resource-servers/{id}/revoke",
    caller: "admin",
    params: resourceServerParams,
    summary: "Revoke a resource server for good: its secrets stop authenticating at once",
    body: revokeResourceServerBody,
    responses: { 200: { description: "Revoked", schema: resourceServerSchema }, 409: { description: "Already revoked" } },
  },
  {
    method: "get",
    path: "/api/v1/admin/workload-issuers",
    caller: "admin",
    summary: "List the workload issuers whose tokens agents may exchange",
    responses: { 200: { description: "Workload issuers", schema: z.object({ items: z.array(workloadIssuerSchema) }) } },
  },
  {
    method: "post",
    path: "/api/v1/admin/workload-issuers",
    caller: "admin",
    summary: "Register a workload issuer (GitHub Actions, a Kubernetes cluster, a SPIFFE trust domain)",
    description:
      "Its keys come from jwksUri, or from the jwks_uri of <issuer>/.well-known/openid-configuration, fetched when a token is first exchanged (under the outbound private-network rule) and cached.",
    body: createWorkloadIssuerBody,
    responses: { 201: { description: "Registered", schema: workloadIssuerSchema }, 409: { description: "That name or issuer is registered" } },
  },
  {
    method: "delete",
    path: "/api/v1/admin/workload-issuers/{id}",
    caller: "admin",
    params: workloadIssuerParams,
    summary: "Remove a workload issuer and every agent binding to it",
    responses: { 204: { description: "Removed" }, 404: { description: "No such issuer" } },
  },
  {
    method: "get",
    path: "/api/v1/admin/agents/{id}/federated-identities",
    caller: "admin",
    params: agentParams,
    summary: "An agent's workload identities, and whether it must federate",
    responses: { 200: { description: "The agent's federation", schema: agentFederationSchema }, 404: { description: "No such agent" } },
  },
  {
    method: "post",
    path: "/api/v1/admin/agents/{id}/federated-identities",
    caller: "admin",
    params: agentParams,
    summary: "Let an agent sign in as the workloads of an issuer whose tokens match a subject and claims (exact or `*` globs)",
    body: createFederatedIdentityBody,
    responses: {
      201: { description: "Bound", schema: federatedIdentitySchema },
      404: { description: "No such agent" },
      409: { description: "The agent is disabled" },
    },
  },
  {
    method: "get",
    path: "/api/v1/admin/credential-providers",
    caller: "admin",
    summary: "List credential providers (never their admin secrets)",
    responses: { 200: { description: "Credential providers", schema: z.object({ items: z.array(credentialProviderSchema) }) } },
  },
  {
    method: "post",
    path: "/api/v1/admin/credential-providers",
    caller: "admin",
    summary: "Register a system Baton mints short-lived principals in; the admin connection is checked first and its password sealed",
    body: createCredentialProviderBody,
    responses: {
      201: { description: "Registered", schema: credentialProviderSchema },
      409: { description: "A provider with that name exists" },
      422: { description: "The connection does not work (unreachable, refused, or the user may not create principals)" },
    },
  },
  {
    method: "patch",
    path: "/api/v1/admin/credential-providers/{id}",
    caller: "admin",
    params: credentialProviderParams,
    summary: "Change a provider's admin connection (checked before it is saved)",
    body: updateCredentialProviderBody,
    responses: {
      200: { description: "Updated", schema: credentialProviderSchema },
      404: { description: "No such provider" },
      422: { description: "The connection does not work" },
    },
  },
  {
    method: "delete",
    path: "/api/v1/admin/agents/{id}/federated-identities/{identityId}",
    caller: "admin",
    params: federatedIdentityParams,
    summary: "Unbind a workload identity; access tokens issued through it stop working",
    responses: { 204: { description: "Removed" }, 404: { description: "No such identity of this agent" } },
  },
  {
    method: "patch",
    path: "/api/v1/admin/agents/{id}/federation",
    caller: "admin",
    params: agentParams,
    summary: "Require workload identity federation for an agent (its static keys are then refused), or stop requiring it",
    body: agentFederationBody,
    responses: { 200: { description: "The agent's federation", schema: agentFederationSchema }, 404: { description: "No such agent" } },
  },
  {
    method: "delete",
    path: "/api/v1/admin/credential-providers/{id}",
    caller: "admin",
    params: credentialProviderParams,
    summary: "Delete a provider no scope names and whose principals are all removed",
    responses: { 204: { description: "Deleted" }, 404: { description: "No such provider" }, 409: { description: "Still in use" } },
  },
  {
    method: "post",
    path: "/api/v1/admin/credential-providers/{id}/check",
    caller: "admin",
    params: credentialProviderParams,
    summary: "Try the admin connection now",
    responses: { 200: { description: "The outcome", schema: checkResultSchema }, 404: { description: "No such provider" } },
  },
  {
    method: "get",
    path: "/api/v1/admin/signing-keys",
    caller: "admin",
    summary: "List the keys that sign grant tokens (never the private halves)",
    responses: { 200: { description: "Signing keys", schema: z.object({ items: z.array(signingKeySchema) }) } },
  },
  {
    method: "post",
    path: "/api/v1/admin/signing-keys/rotate",
    caller: "admin",
    summary: "Retire the signing key and create its successor; the retired key stays published for the overlap",
    body: rotateSigningKeysBody,
    responses: { 201: { description: "Rotated", schema: rotatedSigningKeysSchema } },
  },
  {
    method: "post",
    path: "/api/v1/admin/users",
    caller: "admin",
    summary: "Create a person; without a password the answer carries a one-time invitation link",
    body: createUserBody,
    responses: { 201: { description: "Created", schema: createdUserSchema } },
  },
  {
    method: "get",
    path: "/api/v1/admin/policies",
    caller: "admin",
    session: true,
    summary: "Get the active policy set: its version, hash, who proposed and approved it, and its policies",
    responses: { 200: { description: "The active set", schema: activePolicySetSchema } },
  },
  {
    method: "post",
    path: "/api/v1/admin/policies/validate",
    caller: "admin",
    session: true,
    maxBodyBytes: POLICY_SET_BODY_BYTES,
    summary: "Validate a whole policy set against Baton's Cedar schema, without saving it",
    body: policiesBody,
    responses: {
      200: { description: "The set validates", schema: policyValidationAnswer },
      400: { description: "It does not: `errors[]` carries `policyId`, `line` and `column` (in the policy's text) and `message` for each problem" },
    },
  },
  {
    method: "post",
    path: "/api/v1/admin/policies/simulate",
    caller: "admin",
    session: true,
    maxBodyBytes: POLICY_SET_BODY_BYTES,
    summary: "Simulate a policy set: what it would decide differently from the active set",
    description:
      "Replays the requests filed since `since` (default 30 days, at most 90) through the active and the proposed set, on today's agents, people and catalog, and reports each outcome transition (routed → auto_approved, auto_approved → denied…, or routed to other approvers) with up to 50 request ids and the proposed policies responsible; with `request`, also decides one hypothetical request both ways. Nothing is written.",
    body: simulateBody,
    responses: {
      200: { description: "What would change", schema: simulationSchema },
      400: { description: "The body is malformed, `since` is out of range, or the set does not validate (`errors[]` as for validate)" },
    },
  },
  {
    method: "get",
    path: "/api/v1/admin/policy-proposals",
    caller: "admin",
    session: true,
    summary: "List policy proposals: pending first, then newest first (at most 100)",
    query: listPolicyProposalsQuery,
    responses: { 200: { description: "Proposals", schema: z.object({ items: z.array(policyProposalSummarySchema) }) } },
  },
  {
    method: "post",
    path: "/api/v1/admin/policy-proposals",
    caller: "admin",
    session: true,
    maxBodyBytes: POLICY_SET_BODY_BYTES,
    summary: "Propose a new policy set; it becomes active only when a different admin approves it",
    description: "The whole set is proposed (not a patch); the answer carries its diff against the active set, per policy added, removed or changed.",
    body: proposePoliciesBody,
    responses: {
      201: { description: "Proposed, pending", schema: policyProposalSchema },
      400: { description: "The body is malformed, or the set does not validate (`errors[]` as for validate)" },
      409: { description: "The set is identical to the active one" },
    },
  },
  {
    method: "get",
    path: "/api/v1/admin/policy-proposals/{id}",
    caller: "admin",
    session: true,
    params: policyProposalParams,
    summary: "Get a policy proposal with its policies and its diff",
    responses: { 200: { description: "The proposal", schema: policyProposalSchema }, 404: { description: "No such proposal" } },
  },
  {
    method: "post",
    path: "/api/v1/admin/policy-proposals/{id}/approve",
    caller: "admin",
    session: true,
    params: policyProposalParams,
    summary: "Approve a pending proposal: its set becomes the active version at once, on every instance",
    body: rejectProposalBody,
    responses: {
      200: { description: "Approved and active", schema: policyProposalSchema },
      403: { description: "You proposed it: a different admin must approve it" },
      404: { description: "No such proposal" },
      409: { description: "Already decided, or written against a version that is no longer active (propose it again)" },
    },
  },
  {
    method: "post",
    path: "/api/v1/admin/policy-proposals/{id}/reject",
    caller: "admin",
    session: true,
    params: policyProposalParams,
    summary: "Reject a pending proposal; its proposer rejecting it withdraws it",
    body: rejectProposalBody,
    responses: {
      200: { description: "Rejected", schema: policyProposalSchema },
      404: { description: "No such proposal" },
      409: { description: "Already decided" },
    },
  },
  {
    method: "get",
    path: "/api/v1/incidents",
    caller: ["commander", "integration"],
    summary: "List incidents: open ones first (most severe, then oldest), then resolved ones",
    query: listIncidentsQuery,
    responses: { 200: { description: "Incidents", schema: z.object({ items: z.array(incidentSchema) }) } },
  },
  {
    method: "post",
    path: "/api/v1/incidents",
    caller: ["commander", "integration"],
    summary: "Open an incident",
    description:
      "A person opening it becomes its commander unless `commanderEmail` names another commander or admin. An integration's incidents carry its slug as `externalSource`; one `externalId` opens one incident per integration.",
    body: openIncidentBody,
    responses: {
      201: { description: "Opened", schema: incidentSchema },
      409: { description: "The integration already opened an incident with that externalId" },
    },
  },
  {
    method: "get",
    path: "/api/v1/incidents/{id}",
    caller: ["commander", "integration"],
    params: incidentParams,
    summary: "Get an incident with the number of grants and requests bound to it now",
    responses: { 200: { description: "The incident", schema: incidentSchema } },
  },
  {
    method: "post",
    path: "/api/v1/incidents/{id}/resolve",
    caller: ["commander", "integration"],
    params: incidentParams,
    summary: "Resolve an incident: every grant bound to it is revoked and every pending request cancelled, in the same transaction",
    description:
      "By its commander (a commander may also resolve one nobody commands), an admin, or the integration that opened it. Decisions deny the revoked grants as soon as this answers.",
    body: resolveIncidentBody,
    responses: {
      200: { description: "Resolved", schema: incidentSchema },
      403: { description: "Not this incident's commander, an admin, or the integration that opened it" },
      409: { description: "Already resolved" },
    },
  },
  {
    method: "post",
    path: "/api/v1/incidents/{id}/commander",
    caller: "commander",
    params: incidentParams,
    summary: "Hand command of an open incident to another commander or admin",
    description:
      "By the incident's commander, or an admin (who may so take command for someone away). Authority already granted stays bound to the incident and ends when it resolves; from then on only the new commander and admins can grant more or resolve it.",
    body: handOverIncidentBody,
    responses: {
      200: { description: "Command handed over", schema: incidentSchema },
      403: { description: "Not the incident's commander or an admin" },
      409: { description: "The incident is resolved, or that person already commands it" },
    },
  },
  {
    method: "post",
    path: "/api/v1/incidents/{id}/grants",
    caller: "commander",
    params: incidentParams,
    summary: "Grant an agent authority for the life of the incident, without a request",
    description:
      "By the incident's commander or an admin, within the agent's eligible scopes and each scope's maximum duration; the grant acts for and is granted by the caller and ends when the incident resolves. Any critical scope instead files a request bound to the incident carrying the caller's approval: a second approver decides it in Baton.",
    body: grantAuthorityBody,
    responses: {
      201: { description: "Granted, or filed for a second approval", schema: grantedAuthoritySchema },
      403: { description: "Not the incident's commander or an admin, or a scope outside the agent's eligible set" },
      409: { description: "The incident is resolved" },
    },
  },
  {
    method: "get",
    path: "/api/v1/admin/incident-integrations",
    caller: "admin",
    summary: "List incident-tool integrations (never their secrets)",
    responses: { 200: { description: "Integrations", schema: z.object({ items: z.array(integrationSchema) }) } },
  },
  {
    method: "post",
    path: "/api/v1/admin/incident-integrations",
    caller: "admin",
    summary: "Register an incident tool; its webhook signing secret and API credential are shown once",
    body: createIntegrationBody,
    responses: { 201: { description: "Registered", schema: createdIntegrationSchema }, 409: { description: "An integration with that slug exists" } },
  },
  {
    method: "post",
    path: "/api/v1/admin/incident-integrations/{id}/revoke",
    caller: "admin",
    params: integrationIdParams,
    summary: "Revoke an incident tool for good: its API credential and signed webhooks are refused from the next call",
    description: "Incidents it opened stay open; commanders and admins can still run and resolve them.",
    body: revokeIntegrationBody,
    responses: { 200: { description: "Revoked", schema: integrationSchema }, 409: { description: "Already revoked" } },
  },
  {
    method: "post",
    path: "/api/v1/hooks/incidents/{integration}",
    caller: "incident-webhook",
    params: integrationParams,
    summary: "Receive an incident tool's webhook (PagerDuty V3 style), signed per Standard Webhooks",
    description:
      "The signature covers `webhook-id.webhook-timestamp.body` (HMAC-SHA256 with the integration's whsec_ secret); the timestamp must be within 5 minutes of Baton's clock. `incident.triggered` opens an incident (`data.id` → externalId, `data.title`, `data.priority.summary` P1–P5 or `data.urgency` → severity), `incident.resolved` resolves it; `oncall.changed` (`data.group`, else `data.schedule.summary`, else `data.escalation_policy.summary` names the Baton approver group; `data.users[].email`; optional `data.until`) replaces who is on call for that group, leaving out anyone who is not a member; other event types are acknowledged and ignored. A webhook-id already received is acknowledged as `duplicate` and has no effect.",
    headers: webhookHeaders,
    responses: {
      200: { description: "Acted on, ignored or a duplicate", schema: webhookOutcomeSchema },
      400: { description: "A signature header is missing, or the verified payload lacks a field its event type needs; nothing was stored" },
      401: { description: "The signature does not match, or the timestamp is more than 5 minutes away; nothing was stored" },
      404: { description: "No integration has that slug" },
    },
  },
] satisfies RouteSpec[];

type DeclaredRoute = (typeof ROUTE_SPECS)[number];

// The array literal's inferred element types carry `404?: undefined`-style members for the responses other
// entries declare; `satisfies` above has already checked every entry against RouteSpec.
export const ROUTES: readonly RouteSpec[] = ROUTE_SPECS as unknown as readonly RouteSpec[];

/**
 * The spec of one route, with its schemas' own types, for its handler: `apiRoute(route("post", "/api/v1/admin/agents"), …)`.
 * A method and path not in the table do not compile, and throw when the handler module loads.
 */
export function route<M extends RouteSpec["method"], P extends Extract<DeclaredRoute, { method: M }>["path"]>(
  method: M,
  path: P,
): Extract<DeclaredRoute, { method: M; path: P }> {
  const spec = ROUTE_SPECS.find((candidate) => candidate.method === method && candidate.path === path);
  if (!spec) throw new Error(`No route ${method.toUpperCase()} ${path} in ROUTES (lib/api/route-table.ts)`);
  return spec as Extract<DeclaredRoute, { method: M; path: P }>;
}

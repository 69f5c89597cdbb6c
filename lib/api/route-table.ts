import { z } from "zod";
import { agentKeySchema, agentSchema, createAgentBody, createAgentKeyBody, disableAgentBody, issuedAgentKeySchema, rotateAgentKeyBody } from "@/lib/agents/schemas";
import { decisionQuestionBody, decisionSchema } from "@/lib/decisions/schemas";
import { introspectBody, introspectionSchema, issuedTokenSchema, issueTokenBody } from "@/lib/grant-tokens/schemas";
import { createGroupBody, groupSchema } from "@/lib/groups/schemas";
import { grantSchema, listGrantsQuery, revokeGrantBody } from "@/lib/grants/schemas";
import { accessRequestPage, accessRequestSchema, cancelRequestBody, fileRequestBody, getRequestQuery, listRequestsQuery } from "@/lib/requests/schemas";
import { createdResourceServerSchema, createResourceServerBody, resourceServerSchema } from "@/lib/resource-servers/schemas";
import { createScopeBody, scopeSchema, updateScopeBody } from "@/lib/scopes/schemas";
import { rotatedSigningKeysSchema, rotateSigningKeysBody, signingKeySchema } from "@/lib/signing-keys/schemas";
import { createUserBody, createdUserSchema } from "@/lib/users/schemas";

export type Caller = "agent" | "admin" | "resource-server";

export interface RouteSpec {
  method: "get" | "post" | "patch";
  path: string;
  /** Several callers: any one of them may call the route. */
  caller: Caller | Caller[];
  summary: string;
  description?: string;
  body?: z.ZodType;
  /** The body may also be sent as application/x-www-form-urlencoded (OAuth-style endpoints). */
  acceptsForm?: boolean;
  query?: z.ZodObject;
  headers?: z.ZodObject;
  responses: Record<number, { description: string; schema?: z.ZodType; contentType?: string }>;
}

const idempotencyHeaders = z.object({
  "idempotency-key": z.string().min(1).max(255).optional().meta({ description: "Retries with the same key and body return the same request (200); a different body is refused (422)" }),
});

/**
 * Every /api/v1 route: the route handlers parse with these schemas and the OpenAPI document is
 * generated from this table, so the two cannot drift apart.
 */
export const ROUTES: RouteSpec[] = [
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
    summary: "Get one of the agent's requests; with ?wait=N, long-poll until it is decided",
    query: getRequestQuery,
    responses: { 200: { description: "The request", schema: accessRequestSchema }, 404: { description: "No such request for this agent" } },
  },
  {
    method: "post",
    path: "/api/v1/access-requests/{id}/cancel",
    caller: "agent",
    summary: "Cancel a pending request",
    body: cancelRequestBody,
    responses: { 200: { description: "Cancelled", schema: accessRequestSchema }, 404: { description: "No such request for this agent" }, 409: { description: "The request is no longer pending" } },
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
    summary: "Get a short-lived token for one of the agent's grants, for one resource server",
    description:
      "An RFC 9068 JWT (typ at+jwt, EdDSA, `kid` in the JWKS at /.well-known/jwks.json) with iss, sub (the agent), aud (the resource server), scope (the grant's scopes that resource server enforces), jti, grant_id, client_id, iat, exp (at most 5 minutes, never after the grant) and act.sub (the person the agent acts for, if any).",
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
    path: "/api/v1/grants/{id}/revoke",
    caller: ["agent", "admin"],
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
    summary: "Introspect a grant token (RFC 7662)",
    description:
      "Active only if Baton signed the token for the calling resource server's audience, it has not expired, and its grant is still valid now (read from the database, not the token). Anything else answers exactly {\"active\": false}, with status 200.",
    body: introspectBody,
    acceptsForm: true,
    responses: { 200: { description: "The token's state", schema: introspectionSchema }, 401: { description: "No resource-server credential (RFC 7662: introspection needs one)" } },
  },
  {
    method: "post",
    path: "/api/v1/decisions",
    caller: "resource-server",
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
    method: "get",
    path: "/api/v1/admin/agents/{id}/keys",
    caller: "admin",
    summary: "List an agent's keys (never the secrets)",
    responses: { 200: { description: "Keys", schema: z.object({ items: z.array(agentKeySchema) }) } },
  },
  {
    method: "post",
    path: "/api/v1/admin/agents/{id}/keys",
    caller: "admin",
    summary: "Issue a key for an agent (shown once)",
    body: createAgentKeyBody,
    responses: { 201: { description: "Issued", schema: issuedAgentKeySchema } },
  },
  {
    method: "post",
    path: "/api/v1/admin/agents/{id}/keys/{keyId}/rotate",
    caller: "admin",
    summary: "Issue a replacement key; the old one keeps working for the overlap, then stops",
    body: rotateAgentKeyBody,
    responses: { 201: { description: "Issued", schema: issuedAgentKeySchema } },
  },
  {
    method: "post",
    path: "/api/v1/admin/agents/{id}/keys/{keyId}/revoke",
    caller: "admin",
    summary: "Revoke a key at once",
    responses: { 200: { description: "Revoked", schema: agentKeySchema } },
  },
  {
    method: "post",
    path: "/api/v1/admin/agents/{id}/disable",
    caller: "admin",
    summary: "Disable an agent: revokes its keys, cancels its pending requests and revokes its active grants, in one transaction",
    body: disableAgentBody,
    responses: { 200: { description: "Disabled", schema: agentSchema } },
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
    responses: { 201: { description: "Created", schema: createdResourceServerSchema }, 409: { description: "A resource server with that name or audience exists" } },
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
];

import { z } from "zod";
import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiOverride,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponsesObject,
} from "zod-openapi";
import { problemSchema } from "@/lib/kernel/common-schemas";
import { ROUTES, type Caller, type RouteSpec } from "@/lib/api/route-table";
import { oauthErrorSchema } from "@/lib/grant-tokens/schemas";

const SECURITY_SCHEME_OF: Record<Caller, string> = {
  agent: "agentKey",
  admin: "adminToken",
  commander: "commanderToken",
  "resource-server": "resourceServerSecret",
  integration: "integrationCredential",
  "incident-webhook": "webhookSignature",
};
const TAG_OF: Record<Caller, string> = {
  agent: "Agent API",
  admin: "Admin API",
  commander: "Commander API",
  "resource-server": "Resource server API",
  integration: "Integration API",
  "incident-webhook": "Webhooks",
};

export const callersOf = (route: Pick<RouteSpec, "caller">): Caller[] => (typeof route.caller === "string" ? [route.caller] : route.caller);

/** Errors any operation can answer with; a route's own entry for the same status wins. */
const COMMON_ERRORS: Record<number, string> = {
  400: "The request failed validation; `errors` names each field",
  401: "Missing, unknown, expired or revoked credentials",
  403: "The credentials may not call this operation",
  429: "Rate limited; see Retry-After",
};
const NOT_FOUND = "No such resource";

type StatusCode = `${1 | 2 | 3 | 4 | 5}${string}`;
const PROBLEM_MEDIA_TYPE = "application/problem+json";
const PATH_PARAMETER = /\{(\w+)\}/g;
const API_PREFIX = "/api/v1";

function pathParameterNames(path: string): string[] {
  return [...path.matchAll(PATH_PARAMETER)].map((match) => match[1]!);
}

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** `post /api/v1/admin/agents/{id}/keys` → `postAdminAgentsByIdKeys`: unique per method and path, and stable across builds. */
export function operationIdOf(route: Pick<RouteSpec, "method" | "path">): string {
  const words = route.path
    .slice(API_PREFIX.length)
    .split("/")
    .filter(Boolean)
    .flatMap((segment) => {
      const parameter = /^\{(\w+)\}$/.exec(segment)?.[1];
      return parameter ? ["by", parameter] : segment.split("-");
    });
  return route.method + words.map(capitalize).join("");
}

function responsesOf(route: RouteSpec): ZodOpenApiResponsesObject {
  const errors: Record<number, string> = { ...COMMON_ERRORS };
  if (pathParameterNames(route.path).length > 0) errors[404] = NOT_FOUND;

  const errorMediaType = route.oauthErrors ? "application/json" : PROBLEM_MEDIA_TYPE;
  const errorSchema = route.oauthErrors ? oauthErrorSchema : problemSchema;
  const responses: ZodOpenApiResponsesObject = {};
  for (const [status, description] of Object.entries(errors)) {
    responses[status as StatusCode] = { description, content: { [errorMediaType]: { schema: errorSchema } } };
  }
  for (const [status, response] of Object.entries(route.responses)) {
    const isError = Number(status) >= 400;
    const mediaType = response.contentType ?? (isError ? errorMediaType : "application/json");
    const schema = response.schema ?? (isError ? errorSchema : undefined);
    const hasBody = schema !== undefined || response.contentType !== undefined;
    responses[status as StatusCode] = {
      description: response.description,
      ...(hasBody && { content: { [mediaType]: schema ? { schema } : {} } }),
    };
  }
  return responses;
}

function operationOf(route: RouteSpec): ZodOpenApiOperationObject {
  const pathParameters = pathParameterNames(route.path);
  return {
    operationId: operationIdOf(route),
    summary: route.summary,
    ...(route.description && { description: route.description }),
    tags: callersOf(route).map((caller) => TAG_OF[caller]),
    // Alternatives: any one of the schemes satisfies the operation.
    security: [...callersOf(route).map((caller) => ({ [SECURITY_SCHEME_OF[caller]]: [] })), ...(route.session ? [{ browserSession: [] }] : [])],
    requestParams: {
      ...(pathParameters.length > 0 && { path: z.object(Object.fromEntries(pathParameters.map((name) => [name, z.string()]))) }),
      ...(route.query && { query: route.query }),
      ...(route.headers && { header: route.headers }),
    },
    ...(route.body && {
      requestBody: {
        // Bodies with a default (e.g. cancel's `{}`) may be omitted altogether.
        required: !route.body.safeParse(undefined).success,
        content: { "application/json": { schema: route.body }, ...(route.acceptsForm && { "application/x-www-form-urlencoded": { schema: route.body } }) },
      },
    }),
    responses: responsesOf(route),
  };
}

/**
 * Zod bounds every `.int()` by the safe-integer range and spells out `format: date-time` as a
 * 400-character regex; both only clutter the reference. Request schemas keep their patterns, since
 * those are what the server enforces.
 */
const withoutGeneratedNoise: ZodOpenApiOverride = ({ jsonSchema, io }) => {
  if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
  if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
  if (io === "output" && jsonSchema.format === "date-time") delete jsonSchema.pattern;
};

export function buildOpenApiDocument({ serverUrl }: { serverUrl?: string } = {}) {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of ROUTES) {
    paths[route.path] = { ...paths[route.path], [route.method]: operationOf(route) };
  }

  return createDocument(
    {
      openapi: "3.1.0",
      info: {
        title: "Baton API",
        version: "1",
        description:
          "Just-in-time access for agents: agents file access requests, poll or stream their outcome and get short-lived tokens for their grants; resource servers introspect those tokens and ask for decisions; commanders and incident tools open and resolve incidents, whose grants end with them; admins manage scopes, agents, keys, groups, people, resource servers, signing keys and incident integrations.",
      },
      // Paths already start with /api/v1, so the server is the bare origin. Without one, the relative
      // "/" resolves against wherever the document was fetched from.
      servers: [{ url: serverUrl?.replace(/\/+$/, "") || "/" }],
      tags: [
        { name: TAG_OF.agent, description: "Called by agents with their agent key" },
        { name: TAG_OF.admin, description: "Called by admins with a personal API token" },
        { name: TAG_OF["resource-server"], description: "Called by the downstream tools that enforce grants, with their resource-server secret" },
        { name: TAG_OF.commander, description: "Called by incident commanders (and admins) with a personal API token" },
        { name: TAG_OF.integration, description: "Called by incident tools with their integration credential" },
        { name: TAG_OF["incident-webhook"], description: "Sent by incident tools, signed per Standard Webhooks with the integration's secret" },
      ],
      components: {
        securitySchemes: {
          agentKey: { type: "http", scheme: "bearer", description: "Agent key baton_<prefix>_<secret>" },
          adminToken: { type: "http", scheme: "bearer", description: "Personal API token of an admin" },
          resourceServerSecret: { type: "http", scheme: "bearer", description: "Resource-server secret batonrs_<secret>" },
          commanderToken: { type: "http", scheme: "bearer", description: "Personal API token of a commander or an admin" },
          integrationCredential: { type: "http", scheme: "bearer", description: "Incident-tool integration credential batonint_<secret>" },
          browserSession: {
            type: "apiKey",
            in: "cookie",
            name: "authjs.session-token",
            description: "A signed-in person's browser session; anything but GET must be a same-origin JSON request (Origin header of Baton's own host)",
          },
          webhookSignature: {
            type: "apiKey",
            in: "header",
            name: "webhook-signature",
            description: "Standard Webhooks: v1,<base64 HMAC-SHA256 of `webhook-id.webhook-timestamp.body` under the integration's whsec_ secret>",
          },
        },
      },
      paths,
    },
    { override: withoutGeneratedNoise },
  );
}

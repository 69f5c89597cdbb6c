import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { buildOpenApiDocument, callersOf, operationIdOf } from "@/lib/api/build-openapi-document";
import { ROUTES, type RouteSpec } from "@/lib/api/route-table";
import { fileRequestBody } from "@/lib/requests/schemas";

// The document as a client receives it: plain JSON, nothing left of the zod schemas.
const document = JSON.parse(JSON.stringify(buildOpenApiDocument()));
const PROBLEM_RESPONSE = { content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } };
const OAUTH_ERROR_RESPONSE = { content: { "application/json": { schema: { $ref: "#/components/schemas/OAuthError" } } } };

const operationOf = (route: RouteSpec) => document.paths[route.path]?.[route.method];
const componentRefOf = (schema: z.ZodType) => `#/components/schemas/${z.globalRegistry.get(schema)?.id}`;
const routeName = (route: RouteSpec) => `${route.method.toUpperCase()} ${route.path}`;
const SCHEME_OF = {
  agent: "agentKey",
  admin: "adminToken",
  commander: "commanderToken",
  "resource-server": "resourceServerSecret",
  integration: "integrationCredential",
  "incident-webhook": "webhookSignature",
} as const;
const TAG_OF = {
  agent: "Agent API",
  admin: "Admin API",
  commander: "Commander API",
  "resource-server": "Resource server API",
  integration: "Integration API",
  "incident-webhook": "Webhooks",
} as const;

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document whose every $ref resolves", async () => {
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("describes every kind of caller: bearer credentials, the browser session, and the webhook signature header", () => {
    expect(document.info).toMatchObject({ title: "Baton API", version: "1" });
    expect(document.components.securitySchemes).toEqual({
      agentKey: { type: "http", scheme: "bearer", description: "Agent key baton_<prefix>_<secret>" },
      adminToken: { type: "http", scheme: "bearer", description: "Personal API token of an admin" },
      resourceServerSecret: { type: "http", scheme: "bearer", description: "Resource-server secret batonrs_<secret>" },
      commanderToken: { type: "http", scheme: "bearer", description: "Personal API token of a commander or an admin" },
      integrationCredential: { type: "http", scheme: "bearer", description: "Incident-tool integration credential batonint_<secret>" },
      browserSession: expect.objectContaining({ type: "apiKey", in: "cookie" }),
      webhookSignature: expect.objectContaining({ type: "apiKey", in: "header", name: "webhook-signature" }),
    });
  });

  it("has exactly one operation per route of the route table", () => {
    const operationCount = Object.values(document.paths as Record<string, object>).reduce((count, pathItem) => count + Object.keys(pathItem).length, 0);
    expect(operationCount).toBe(ROUTES.length);
    const operationIds = ROUTES.map((route) => operationOf(route)?.operationId);
    expect(new Set(operationIds).size).toBe(ROUTES.length);
  });

  it("derives operation ids from method and path", () => {
    expect(operationIdOf({ method: "post", path: "/api/v1/access-requests" })).toBe("postAccessRequests");
    expect(operationIdOf({ method: "post", path: "/api/v1/admin/agents/{id}/keys/{keyId}/rotate" })).toBe("postAdminAgentsByIdKeysByKeyIdRotate");
  });

  it("uses the server URL it is given, without a trailing slash", () => {
    expect(document.servers).toEqual([{ url: "/" }]);
    expect(buildOpenApiDocument({ serverUrl: "https://baton.example.com/" }).servers).toEqual([{ url: "https://baton.example.com" }]);
  });

  describe.each(ROUTES.map((route) => [routeName(route), route] as const))("%s", (_, route) => {
    const operation = operationOf(route);

    it("is documented under its method and path with its caller's security and tag", () => {
      expect(operation).toBeDefined();
      expect(operation.operationId).toBe(operationIdOf(route));
      expect(operation.summary).toBe(route.summary);
      expect(operation.security).toEqual([
        ...callersOf(route).map((caller) => ({ [SCHEME_OF[caller]]: [] })),
        ...(route.session ? [{ browserSession: [] }] : []),
      ]);
      expect(operation.tags).toEqual(callersOf(route).map((caller) => TAG_OF[caller]));
    });

    it("answers errors as problem+json (RFC 6749 JSON at the OAuth token endpoint)", () => {
      for (const status of ["400", "401", "403", "429"])
        expect(operation.responses[status]).toMatchObject(route.oauthErrors ? OAUTH_ERROR_RESPONSE : PROBLEM_RESPONSE);
      if (route.path.includes("{")) expect(operation.responses["404"]).toMatchObject(PROBLEM_RESPONSE);
    });

    it("declares every path parameter as a required string", () => {
      const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      const pathParameters = (operation.parameters ?? []).filter((parameter: { in: string }) => parameter.in === "path");
      expect(pathParameters).toEqual(names.map((name) => ({ in: "path", name, required: true, schema: { type: "string" } })));
    });

    it("declares its query and header parameters", () => {
      const declared = (operation.parameters ?? []).map((parameter: { in: string; name: string }) => `${parameter.in}:${parameter.name}`);
      for (const name of Object.keys(route.query?.shape ?? {})) expect(declared).toContain(`query:${name}`);
      for (const name of Object.keys(route.headers?.shape ?? {})) expect(declared).toContain(`header:${name}`);
    });

    it("documents each listed response", () => {
      for (const [status, response] of Object.entries(route.responses)) {
        expect(operation.responses[status]?.description).toBe(response.description);
        if (response.contentType) expect(Object.keys(operation.responses[status].content)).toEqual([response.contentType]);
        if (response.schema && z.globalRegistry.get(response.schema)?.id)
          expect(operation.responses[status].content["application/json"].schema).toEqual({ $ref: componentRefOf(response.schema) });
      }
    });

    it("takes its JSON body, if any, from the zod body schema", () => {
      const schema = operation.requestBody?.content["application/json"].schema;
      if (!route.body) expect(operation.requestBody).toBeUndefined();
      else if (z.globalRegistry.get(route.body)?.id) expect(schema).toEqual({ $ref: componentRefOf(route.body) });
      else expect(schema).toMatchObject({ type: "object", additionalProperties: false });
    });
  });

  it("renders the file-access-request body from its zod schema", () => {
    const route = ROUTES.find((candidate) => candidate.method === "post" && candidate.path === "/api/v1/access-requests")!;
    expect(route.body).toBe(fileRequestBody);
    expect(operationOf(route).requestBody).toEqual({
      required: true,
      content: { "application/json": { schema: { $ref: "#/components/schemas/FileAccessRequest" } } },
    });
    const schema = document.components.schemas.FileAccessRequest;
    expect(schema.required).toEqual(["scopes", "justification", "durationSeconds"]);
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toEqual(Object.keys(fileRequestBody.shape));
    expect(schema.properties.durationSeconds).toMatchObject({ type: "integer", minimum: 60, maximum: 7 * 24 * 3600 });
  });

  it("marks bodies that default to {} as optional", () => {
    const cancel = ROUTES.find((route) => route.path === "/api/v1/access-requests/{id}/cancel")!;
    expect(operationOf(cancel).requestBody.required).toBe(false);
  });

  it("lets an agent or an admin revoke a grant", () => {
    expect(document.paths["/api/v1/grants/{id}/revoke"].post.security).toEqual([{ agentKey: [] }, { adminToken: [] }]);
  });

  it("takes introspection as a form or as JSON, as RFC 7662 callers send it", () => {
    const content = document.paths["/api/v1/introspect"].post.requestBody.content;
    expect(Object.keys(content)).toEqual(["application/json", "application/x-www-form-urlencoded"]);
    expect(content["application/x-www-form-urlencoded"].schema).toEqual({ $ref: "#/components/schemas/IntrospectionRequest" });
  });

  it("documents the RFC 8693 token exchange as a form with RFC 6749 errors", () => {
    const operation = document.paths["/api/v1/token"].post;
    expect(Object.keys(operation.requestBody.content)).toEqual(["application/json", "application/x-www-form-urlencoded"]);
    expect(document.components.schemas.TokenExchangeRequest.required).toEqual(["grant_type", "subject_token", "subject_token_type"]);
    expect(operation.responses["200"].content["application/json"].schema).toEqual({ $ref: "#/components/schemas/TokenResponse" });
    expect(document.components.schemas.TokenResponse.anyOf).toEqual([
      { $ref: "#/components/schemas/ExchangedToken" },
      { $ref: "#/components/schemas/AgentAccessToken" },
    ]);
    expect(document.components.schemas.JwtBearerGrantRequest.required).toEqual(["grant_type", "assertion"]);
    expect(document.components.schemas.OAuthError.properties.error.enum).toContain("unsupported_grant_type");
  });

  it("streams events as text/event-stream", () => {
    expect(document.paths["/api/v1/events"].get.responses["200"].content).toEqual({ "text/event-stream": {} });
  });
});

// Property-based input on the parsers at Baton's doors (test plan H3, H4), called in process exactly as
// Next.js calls the handlers: a JSON key repeated at any depth is a 400 naming it on every kind of door
// (the API wrapper, the OAuth token endpoint, MCP, signed incident webhooks, the standalone PDP) and
// changes nothing; an outbound host in any spelling of an internal address is refused when saved.
// Redirect targets (H2) are pages and server actions, which need the Next.js server: see
// tests/unit/safe-redirect-target.test.ts and e2e/redirect-targets.spec.ts.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ROUTES, type RouteSpec } from "@/lib/api/route-table";
import { startPdp, type RunningPdp } from "@/lib/pdp/start-pdp";
import * as agentsRoute from "@/app/api/v1/admin/agents/route";
import * as groupsRoute from "@/app/api/v1/admin/groups/route";
import * as groupRoute from "@/app/api/v1/admin/groups/[id]/route";
import * as integrationsRoute from "@/app/api/v1/admin/incident-integrations/route";
import * as resourceServersRoute from "@/app/api/v1/admin/resource-servers/route";
import * as scopesRoute from "@/app/api/v1/admin/scopes/route";
import * as webhooksRoute from "@/app/api/v1/admin/webhooks/route";
import * as requestsRoute from "@/app/api/v1/access-requests/route";
import * as hookRoute from "@/app/api/v1/hooks/incidents/[integration]/route";
import * as tokenExchangeRoute from "@/app/api/v1/token/route";
import * as mcpRoute from "@/app/api/mcp/route";
import { call, ensureAdmin } from "./api-helpers";
import { startChangeLog, takeChanges, type RowChange } from "./change-log";
import { repeatedKeyBody, type RepeatedKeyBody } from "./fuzz-arbitraries";
import { setUpWorld, type World } from "./resource-server-fixtures";
import { testDatabaseKind } from "./setup-database";

// The integration setup allows private networks (its webhook receivers listen on loopback); this file
// checks the refusal, so here they are not allowed.
vi.mock("@/lib/env", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/env")>();
  return { ...actual, env: () => ({ ...actual.env(), BATON_WEBHOOKS_ALLOW_PRIVATE_NETWORKS: "off" }) };
});

const RUNS = 60;

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

let admin: string;
let world: World;
let integration: { slug: string; webhookSecret: string };
let groupId: string;

beforeAll(async () => {
  admin = await ensureAdmin();
  world = await setUpWorld(admin);
  const registered = await call(integrationsRoute.POST, { token: admin, body: { slug: "input-pager", name: "Input pager" } });
  expect(registered.status).toBe(201);
  integration = { slug: "input-pager", webhookSecret: registered.json.webhookSecret };
  const group = await call(groupsRoute.POST, { token: admin, body: { name: "input-group", memberEmails: ["alice@example.com"] } });
  expect(group.status).toBe(201);
  groupId = group.json.id;
  await startChangeLog();
});

/** Rows a refused call changed, apart from a credential's lastUsedAt (written by authentication, before the body is read). */
async function changedRows(): Promise<RowChange[]> {
  const withoutLastUse = (row: Record<string, unknown> | null) => JSON.stringify({ ...row, lastUsedAt: null });
  return (await takeChanges()).filter((change) => change.op !== "UPDATE" || withoutLastUse(change.before) !== withoutLastUse(change.after));
}

const routeOf = (method: string, path: string) => ROUTES.find((route) => route.method === method && route.path === path)!;

/** What a refusal of a repeated key must look like on a problem+json door; and nothing stored changed. */
async function expectRepeatedKeyRefused(
  response: { status: number; headers: Headers; json: { errors?: { field: string; message: string }[] } },
  body: RepeatedKeyBody,
) {
  expect(response.status, JSON.stringify(response.json)).toBe(400);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const key = body.path.at(-1)!;
  expect(response.json.errors?.[0]).toEqual({ field: body.path.join("."), message: `the key "${key}" appears more than once in the same object` });
  expect(await changedRows()).toEqual([]);
}

describe("a JSON body with a key repeated at any depth", () => {
  const doors: { route: RouteSpec; handler: Handler; token: () => string }[] = [
    { route: routeOf("post", "/api/v1/admin/scopes"), handler: scopesRoute.POST, token: () => admin },
    { route: routeOf("post", "/api/v1/admin/agents"), handler: agentsRoute.POST, token: () => admin },
    { route: routeOf("post", "/api/v1/admin/webhooks"), handler: webhooksRoute.POST, token: () => admin },
    { route: routeOf("post", "/api/v1/admin/resource-servers"), handler: resourceServersRoute.POST, token: () => admin },
    { route: routeOf("post", "/api/v1/access-requests"), handler: requestsRoute.POST, token: () => world.ops.key },
  ];

  it.each(doors.map((door) => [`${door.route.method.toUpperCase()} ${door.route.path}`, door] as const))(
    "is a 400 naming the key on %s, changing nothing",
    async (_name, door) => {
      await fc.assert(
        fc.asyncProperty(repeatedKeyBody(door.route), async (body) => {
          await expectRepeatedKeyRefused(
            await call(door.handler, { token: door.token(), rawBody: body.text, headers: { "content-type": "application/json" } }),
            body,
          );
        }),
        { numRuns: RUNS },
      );
    },
  );

  it("is an RFC 6749 invalid_request at the token endpoint, as JSON or as a form field sent twice", async () => {
    const exchange = {
      grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
      subject_token: "grt_0",
      subject_token_type: "urn:baton:params:oauth:token-type:grant-id",
      audience: "https://crm.example.test",
    };
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.keys(exchange)), fc.boolean(), async (key, asForm) => {
        const value = exchange[key as keyof typeof exchange];
        const rawBody = asForm
          ? `${new URLSearchParams(exchange)}&${new URLSearchParams({ [key]: value })}`
          : `${JSON.stringify(exchange).slice(0, -1)},${JSON.stringify(key)}:${JSON.stringify(value)}}`;
        const contentType = asForm ? "application/x-www-form-urlencoded" : "application/json";
        const response = await call(tokenExchangeRoute.POST, { token: world.ops.key, rawBody, headers: { "content-type": contentType } });
        expect(response.status).toBe(400);
        expect(response.json).toMatchObject({ error: "invalid_request", error_description: expect.stringContaining(`"${key}" appears more than once`) });
        expect(await changedRows()).toEqual([]);
      }),
      { numRuns: 20 },
    );
  });

  it("is a 400 naming the key at the MCP endpoint, before any session opens", async () => {
    const initialize = (capabilities: string) =>
      `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","clientInfo":{"name":"fuzz","version":"1"},"capabilities":${capabilities}}}`;
    for (const [text, path] of [
      [initialize(`{"roots":{"listChanged":true,"listChanged":false}}`), ["params", "capabilities", "roots", "listChanged"]],
      [`{"jsonrpc":"2.0","id":1,"id":2,"method":"tools/list"}`, ["id"]],
    ] as const) {
      const response = await call(mcpRoute.POST, {
        path: "/api/mcp",
        token: world.ops.key,
        rawBody: text,
        headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
      });
      await expectRepeatedKeyRefused(response, { text, path: [...path] });
    }
  });

  it("is a 400 naming the key on a signed incident webhook, which opens nothing", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<[string, string[]]>(["event_type", ["event", "event_type"]], ["title", ["event", "data", "title"]], ["event", ["event"]]),
        async ([key, path]) => {
          const event = {
            id: randomUUID(),
            event_type: "incident.triggered",
            resource_type: "incident",
            data: { type: "incident", id: "PDX", title: "Payments down", urgency: "high" },
          };
          let text = JSON.stringify({ event });
          if (key === "event") text = `${text.slice(0, -1)},"event":{}}`;
          else if (key === "title") text = text.replace(`"title":"Payments down"`, `"title":"Payments down","title":"Nothing to see"`);
          else text = text.replace(`"event_type":"incident.triggered"`, `"event_type":"incident.triggered","event_type":"incident.resolved"`);
          const id = `msg_${randomUUID()}`;
          const at = new Date();
          const headers = {
            "webhook-id": id,
            "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
            "webhook-signature": new Webhook(integration.webhookSecret).sign(id, at, text),
            "content-type": "application/json",
          };
          const response = await call(hookRoute.POST, {
            path: `/api/v1/hooks/incidents/${integration.slug}`,
            params: { integration: integration.slug },
            rawBody: text,
            headers,
          });
          await expectRepeatedKeyRefused(response, { text, path });
        },
      ),
      { numRuns: 9 },
    );
  });

  describe.runIf(testDatabaseKind === "postgresql")("on baton pdp", () => {
    let pdp: RunningPdp;
    beforeAll(async () => {
      pdp = await startPdp({ databaseUrl: process.env.DATABASE_URL!, issuer: "https://baton.example.test", port: 0 });
    });
    afterAll(async () => pdp?.close());

    it("is a 400 naming the key on decisions and introspection", async () => {
      for (const [path, text, field] of [
        ["/api/v1/decisions", `{"agentId":"${world.ops.id}","scope":"logs.read","scope":"crm.customers:write"}`, "scope"],
        ["/api/v1/decisions", `{"token":"x","context":{"a":{"b":1,"b":2}}}`, "context.a.b"],
        ["/api/v1/introspect", `{"token":"a","token":"b"}`, "token"],
      ]) {
        const response = await fetch(`${pdp.url}${path}`, {
          method: "POST",
          headers: { authorization: `Bearer ${world.crmSecret}`, "content-type": "application/json" },
          body: text,
        });
        expect(response.status).toBe(400);
        expect(((await response.json()) as { errors: { field: string }[] }).errors[0]!.field).toBe(field);
      }
    });
  });
});

/** An IPv4 address in a range no webhook may reach unless private networks are allowed. */
const internalIpv4 = fc.oneof(
  fc.tuple(fc.constant(127), fc.nat(255), fc.nat(255), fc.nat(255)),
  fc.tuple(fc.constant(10), fc.nat(255), fc.nat(255), fc.nat(255)),
  fc.tuple(fc.constant(192), fc.constant(168), fc.nat(255), fc.nat(255)),
  fc.tuple(fc.constant(172), fc.integer({ min: 16, max: 31 }), fc.nat(255), fc.nat(255)),
  fc.tuple(fc.constant(169), fc.constant(254), fc.nat(255), fc.nat(255)),
  fc.tuple(fc.constant(100), fc.integer({ min: 64, max: 127 }), fc.nat(255), fc.nat(255)),
  fc.tuple(fc.constant(0), fc.nat(255), fc.nat(255), fc.nat(255)),
);

/** A number as an IPv4 part may be written: decimal, octal with a leading 0, or hex in either case. */
const numberSpelling = (value: number) =>
  fc.constantFrom(
    String(value),
    `0${value.toString(8)}`,
    `0x${value.toString(16)}`,
    `0X${value.toString(16).toUpperCase()}`,
    `0x${"0".repeat(3)}${value.toString(16)}`,
  );

/** Every way a URL parser accepts an IPv4 address: 1 to 4 parts (the last one filling the remaining bytes), each in any base. */
const ipv4Spelling = internalIpv4.chain(([a, b, c, d]) => {
  const whole = ((a << 24) >>> 0) + (b << 16) + (c << 8) + d;
  const partsOf = [[whole], [a, (b << 16) + (c << 8) + d], [a, b, (c << 8) + d], [a, b, c, d]];
  return fc
    .constantFrom(...partsOf)
    .chain((parts) => fc.tuple(...parts.map(numberSpelling)))
    .map((parts) => ({ address: `${a}.${b}.${c}.${d}`, host: parts.join(".") }));
});

/** Any spelling of an internal host: IPv4 shorthands, IPv4-mapped IPv6, localhost names; with trailing dots, mixed case, full-width forms. */
const internalHost = fc
  .oneof(
    { weight: 4, arbitrary: ipv4Spelling.map((spelled) => spelled.host) },
    { weight: 1, arbitrary: ipv4Spelling.map((spelled) => `[::ffff:${spelled.address}]`) },
    { weight: 1, arbitrary: ipv4Spelling.map((spelled) => `[0:0:0:0:0:ffff:${spelled.address}]`) },
    {
      weight: 1,
      arbitrary: fc.constantFrom("localhost", "LocalHost", "api.localhost", "[::1]", "[0:0::1]", "[fe80::1]", "[fd00::1]", "[::]", "[64:ff9b::7f00:1]"),
    },
  )
  .chain((host) =>
    fc.tuple(fc.constant(host), fc.constantFrom("", ".", ".."), fc.boolean(), fc.boolean()).map(([name, dots, upper, fullWidth]) => {
      let spelled = host.startsWith("[") ? name : `${name}${dots}`;
      if (upper) spelled = spelled.toUpperCase();
      // Full-width letters and digits (IDNA maps them back), outside the brackets of an IPv6 literal only.
      if (fullWidth && !host.startsWith("[")) spelled = spelled.replace(/[0-9A-Za-z]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));
      return spelled;
    }),
  );

describe("outbound hosts in any spelling", () => {
  it("are refused when a webhook or a group's chat webhook is saved, naming the field", async () => {
    await fc.assert(
      fc.asyncProperty(internalHost, fc.constantFrom("http", "https"), fc.boolean(), async (host, scheme, asGroup) => {
        const url = `${scheme}://${host}:8443/hook`;
        const response = asGroup
          ? await call(groupRoute.PATCH, { method: "PATCH", token: admin, params: { id: groupId }, body: { chatWebhookUrl: url } })
          : await call(webhooksRoute.POST, { token: admin, body: { url, eventTypes: ["grant.*"] } });
        const field = asGroup ? "chatWebhookUrl" : "url";
        expect(response.status, `${url}: ${JSON.stringify(response.json)}`).toBe(400);
        expect(response.json.errors).toEqual([{ field, message: expect.stringMatching(/^must point to a public address/) }]);
        expect(await changedRows()).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("do not catch a public address written as a shorthand", async () => {
    for (const url of ["http://134744072/hook", "http://8.8.8.8./hook", "http://0x8.0x8.0x8.0x8/hook", "https://ＨＯＯＫＳ.example.com./hook"]) {
      const response = await call(webhooksRoute.POST, { token: admin, body: { url, eventTypes: ["grant.*"] } });
      expect(response.status, `${url}: ${JSON.stringify(response.json)}`).toBe(201);
    }
    await takeChanges();
  });
});

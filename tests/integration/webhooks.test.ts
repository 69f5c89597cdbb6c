import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as groupRoute from "@/app/api/v1/admin/groups/[id]/route";
import * as webhookRoute from "@/app/api/v1/admin/webhooks/[id]/route";
import * as webhookTestRoute from "@/app/api/v1/admin/webhooks/[id]/test/route";
import * as webhooksRoute from "@/app/api/v1/admin/webhooks/route";
import { prisma } from "@/lib/db";
import { startJobRunner, type JobRunner } from "@/lib/jobs/job-runner";
import { deliverWebhook } from "@/lib/webhooks/deliver-webhook";
import { createOutboundFetch } from "@/lib/webhooks/outbound-fetch";
import { call } from "./api-helpers";
import { fileAt, setUpJobWorld, startReceiver, type JobWorld } from "./job-fixtures";

let world: JobWorld;
const runners: JobRunner[] = [];
const receivers: Awaited<ReturnType<typeof startReceiver>>[] = [];

// Read once with the rest of the environment, before the first test.
process.env.BATON_PUBLIC_URL = "https://baton.example.test";

beforeAll(async () => {
  world = await setUpJobWorld();
});

afterEach(async () => {
  await Promise.all(runners.splice(0).map((runner) => runner.stop()));
  // Each test registers its own endpoints; earlier ones must not receive (or wait for) later events.
  await prisma.webhookEndpoint.updateMany({ data: { disabled: true } });
});

afterAll(async () => {
  await Promise.all(receivers.map((receiver) => receiver.close()));
});

async function runner(retryBaseMs = 300) {
  const started = await startJobRunner({ reminderLeadSeconds: 0, retryBaseMs, sweepIntervalSeconds: 1, log: () => undefined });
  runners.push(started);
  return started;
}

async function receiver(respond?: Parameters<typeof startReceiver>[0]) {
  const started = await startReceiver(respond);
  receivers.push(started);
  return started;
}

async function register(url: string, eventTypes: string[]) {
  const created = await call(webhooksRoute.POST, { token: world.admin, body: { url, description: "integration receiver", eventTypes } });
  expect(created.status).toBe(201);
  expect(created.json.secret).toMatch(/^whsec_/);
  return created.json as { id: string; secret: string };
}

const bodies = (calls: { body: string }[]) =>
  calls.map((received) => JSON.parse(received.body) as { type: string; timestamp: string; data: Record<string, unknown> });

describe("the webhooks admin API", () => {
  it("shows the signing secret once, never again, and refuses bad input naming the field", async () => {
    const endpoint = await register("https://hooks.example.test/a", ["grant.*"]);
    const listed = await call(webhooksRoute.GET, { token: world.admin });
    expect(JSON.stringify(listed.json)).not.toContain(endpoint.secret);
    expect(listed.json.items.map((item: { id: string }) => item.id)).toContain(endpoint.id);
    const fetched = await call(webhookRoute.GET, { token: world.admin, params: { id: endpoint.id } });
    expect(fetched.status).toBe(200);
    expect(JSON.stringify(fetched.json)).not.toContain(endpoint.secret);
    const stored = await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(stored.secretSealed).not.toContain(endpoint.secret.slice(6));

    const bad = await call(webhooksRoute.POST, { token: world.admin, body: { url: "ftp://x", eventTypes: ["grant.*", "nonsense.thing"] } });
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: { field: string }) => e.field).sort()).toEqual(["eventTypes.1", "url"]);

    const empty = await call(webhookRoute.PATCH, { token: world.admin, params: { id: endpoint.id }, body: {} });
    expect(empty.status).toBe(400);
    const badGroup = await call(groupRoute.PATCH, { token: world.admin, params: { id: world.groupId }, body: { chatWebhookUrl: "javascript:alert(1)" } });
    expect(badGroup.status).toBe(400);
    expect(badGroup.json.errors.map((e: { field: string }) => e.field)).toEqual(["chatWebhookUrl"]);
    expect((await call(webhookRoute.GET, { token: world.admin, params: { id: "whe_nope" } })).status).toBe(400);

    const updated = await call(webhookRoute.PATCH, { token: world.admin, params: { id: endpoint.id }, body: { eventTypes: ["request.approved"] } });
    expect(updated.json.eventTypes).toEqual(["request.approved"]);
    expect((await call(webhookRoute.DELETE, { token: world.admin, params: { id: endpoint.id } })).status).toBe(204);
    expect((await call(webhookRoute.GET, { token: world.admin, params: { id: endpoint.id } })).status).toBe(404);
  });
});

describe("webhook deliveries", () => {
  it("delivers matching events signed per Standard Webhooks, the body carrying ids and never secrets", async () => {
    const sink = await receiver();
    const endpoint = await register(sink.url, ["grant.*", "request.approved"]);
    await runner();
    const { grant, id: requestId } = await fileAt(world.agentId, new Date(), { scopes: ["logs.read"], durationSeconds: 600 });

    await vi.waitFor(
      () =>
        expect(
          bodies(sink.calls)
            .map((body) => body.type)
            .sort(),
        ).toEqual(["grant.issued", "request.approved"]),
      { timeout: 10_000 },
    );
    const verifier = new Webhook(endpoint.secret);
    for (const received of sink.calls) {
      const headers = {
        "webhook-id": String(received.headers["webhook-id"]),
        "webhook-timestamp": String(received.headers["webhook-timestamp"]),
        "webhook-signature": String(received.headers["webhook-signature"]),
      };
      expect(() => verifier.verify(received.body, headers)).not.toThrow();
      expect(() => new Webhook(`whsec_${Buffer.from("another secret of 24 b!!").toString("base64")}`).verify(received.body, headers)).toThrow();
    }
    const issued = bodies(sink.calls).find((body) => body.type === "grant.issued")!;
    expect(issued.data).toMatchObject({ subject: { kind: "grant", id: grant!.id }, agentId: world.agentId, details: { requestId } });
    expect(sink.calls.every((received) => !received.body.includes("whsec_"))).toBe(true);

    // The receiver answers before Baton records the answer.
    await vi.waitFor(async () => {
      const log = await call(webhookRoute.GET, { token: world.admin, params: { id: endpoint.id } });
      expect(log.json.deliveries).toMatchObject([
        { status: "DELIVERED", attempts: 1, lastResponseStatus: 200 },
        { status: "DELIVERED", attempts: 1, lastResponseStatus: 200 },
      ]);
    });
  });

  it("retries after a 500 with backoff and records both attempts in the delivery log", async () => {
    const flaky = await receiver((_, index) => (index === 0 ? 500 : 204));
    const endpoint = await register(flaky.url, ["grant.issued"]);
    await runner();
    await fileAt(world.agentId, new Date(), { scopes: ["logs.read"], durationSeconds: 600 });

    await vi.waitFor(
      async () => {
        const log = await call(webhookRoute.GET, { token: world.admin, params: { id: endpoint.id } });
        expect(log.json.deliveries).toMatchObject([{ status: "DELIVERED", attempts: 2, lastResponseStatus: 204, lastError: null, nextAttemptAt: null }]);
      },
      { timeout: 15_000, interval: 100 },
    );
    expect(flaky.calls).toHaveLength(2);
    // The same message on both attempts: receivers deduplicate by webhook-id.
    expect(flaky.calls[1]!.headers["webhook-id"]).toBe(flaky.calls[0]!.headers["webhook-id"]);
    expect(flaky.calls[1]!.body).toBe(flaky.calls[0]!.body);
  });

  it("gives up after five attempts at a receiver that keeps failing, and says why", async () => {
    const broken = await receiver(() => 503);
    const endpoint = await register(broken.url, ["grant.issued"]);
    await runner(50);
    await fileAt(world.agentId, new Date(), { scopes: ["logs.read"], durationSeconds: 600 });
    await vi.waitFor(
      async () => {
        const log = await call(webhookRoute.GET, { token: world.admin, params: { id: endpoint.id } });
        expect(log.json.deliveries).toMatchObject([{ status: "FAILED", attempts: 5, lastResponseStatus: 503, lastError: "HTTP 503", nextAttemptAt: null }]);
      },
      { timeout: 20_000, interval: 200 },
    );
    expect(broken.calls).toHaveLength(5);
  });

  it("sends a signed test event on request", async () => {
    const sink = await receiver();
    const endpoint = await register(sink.url, ["incident.*"]);
    await runner();
    const queued = await call(webhookTestRoute.POST, { token: world.admin, params: { id: endpoint.id } });
    expect(queued.status).toBe(202);
    await vi.waitFor(() => expect(bodies(sink.calls).map((body) => body.type)).toEqual(["webhook.test"]), { timeout: 10_000 });
  });

  it("refuses to deliver to an internal address unless private networks are allowed, and the log says why", async () => {
    const sink = await receiver();
    const endpoint = await register(sink.url, ["incident.*"]);
    const queued = await call(webhookTestRoute.POST, { token: world.admin, params: { id: endpoint.id } });
    expect(queued.status).toBe(202);
    const deliveryId = queued.json.id as string;
    // No runner here: one attempt, by hand, under the default (public addresses only).
    const outcome = await deliverWebhook({ deliveryId, now: () => new Date(), fetch: createOutboundFetch({ allowPrivateNetworks: false }) });
    expect(outcome.outcome).toBe("retry");
    const row = await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } });
    expect(row).toMatchObject({ status: "PENDING", attempts: 1, lastResponseStatus: null });
    expect(row.lastError).toMatch(
      /^Refused to send to 127\.0\.0\.1: a loopback address\. Outbound requests go to public addresses only unless BATON_ALLOW_PRIVATE_NETWORKS=on$/,
    );
    expect(sink.calls).toHaveLength(0);
  });

  it("posts a Slack-compatible message with a link to decide when a request is routed to a group with a chat webhook", async () => {
    const chat = await receiver();
    const set = await call(groupRoute.PATCH, { token: world.admin, params: { id: world.groupId }, body: { chatWebhookUrl: chat.url } });
    expect(set.status).toBe(200);
    expect(set.json.chatWebhookConfigured).toBe(true);
    expect(JSON.stringify(set.json)).not.toContain(chat.url);
    await runner();

    const request = await fileAt(world.agentId, new Date(), { scopes: ["db.write"], durationSeconds: 900, onBehalfOf: "alice@example.com" });
    await fileAt(world.agentId, new Date(), { scopes: ["logs.read"], durationSeconds: 600 }); // auto-approved: nobody to tell
    await vi.waitFor(() => expect(chat.calls).toHaveLength(1), { timeout: 10_000 });
    const { text } = JSON.parse(chat.calls[0]!.body) as { text: string };
    expect(text).toContain("`ops-bot`");
    expect(text).toContain("`db.write` (high)");
    expect(text).toContain("Alice (alice@example.com)");
    expect(text).toContain("Rotating the nightly batch credentials");
    expect(text).toContain("15 min");
    expect(text).toContain(`<https://baton.example.test/requests/${request.id}|`);
    await call(groupRoute.PATCH, { token: world.admin, params: { id: world.groupId }, body: { chatWebhookUrl: null } });
  });

  it("catches up after downtime and, with two runners on one database, sends one delivery per endpoint per event", async () => {
    const sink = await receiver();
    const endpoint = await register(sink.url, ["grant.issued", "grant.expired"]);
    // Grants issued, and expired, while no runner was up: their grant.issued events wait behind the dispatch cursor.
    const grants = await Promise.all(
      Array.from({ length: 5 }, (_, i) => fileAt(world.agentId, new Date(Date.now() - 3_600_000 - i * 1000), { scopes: ["logs.read"], durationSeconds: 60 })),
    );
    await Promise.all([runner(), runner()]);

    await vi.waitFor(async () => expect(await prisma.webhookDelivery.count({ where: { endpointId: endpoint.id, status: "DELIVERED" } })).toBe(10), {
      timeout: 15_000,
    });
    await Promise.all(runners.map((each) => each.sweep()));
    const grantIds = grants.map(({ grant }) => grant!.id).sort();
    for (const type of ["grant.issued", "grant.expired"])
      expect(
        bodies(sink.calls)
          .filter((body) => body.type === type)
          .map((body) => (body.data.subject as { id: string }).id)
          .sort(),
      ).toEqual(grantIds);
    expect(sink.calls).toHaveLength(10);
    expect(new Set(sink.calls.map((received) => received.headers["webhook-id"])).size).toBe(10);
    for (const { grant } of grants) expect(await prisma.auditEvent.count({ where: { action: "grant.expired", subjectId: grant!.id } })).toBe(1);
  });
});

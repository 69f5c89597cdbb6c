// P2: how long a person and an agent wait on Baton. Filed → the request is on an approver's open dashboard
// (its event stream); approved → the agent's waiting call returns.
import http from "node:http";
import { signInForCookie } from "@/lib/client/sign-in-for-cookie";
import { api } from "./app-instance";
import { latencyFigures, type Figure } from "./figures";
import { BENCH_ADMIN } from "./seed-bench-database";

const SAMPLES = 40;

/** Resolves each time the dashboards' stream carries `action` for a subject; one open stream, as an approver's tab has. */
function openDashboardStream(appUrl: string, cookie: string) {
  // Arrival times, kept so an event that arrives before the filing call has returned is not missed.
  const arrived = new Map<string, number>();
  const waiting = new Map<string, (at: number) => void>();
  let request: http.ClientRequest;
  const opened = new Promise<void>((resolve, reject) => {
    request = http.get(`${appUrl}/api/ui/events`, { headers: { cookie, accept: "text/event-stream" } }, (response) => {
      if (response.statusCode !== 200) return reject(new Error(`dashboard stream: HTTP ${response.statusCode}`));
      resolve();
      let buffer = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = message.split("\n").find((line) => line.startsWith("data: "));
          if (!data) continue;
          const event = JSON.parse(data.slice(6)) as { action: string; subject: { id: string } };
          const key = `${event.action} ${event.subject.id}`;
          arrived.set(key, performance.now());
          waiting.get(key)?.(arrived.get(key)!);
        }
      });
    });
    request.on("error", reject);
  });
  return {
    opened,
    seen: (action: string, subjectId: string) =>
      new Promise<number>((resolve, reject) => {
        const key = `${action} ${subjectId}`;
        if (arrived.has(key)) return resolve(arrived.get(key)!);
        waiting.set(key, resolve);
        setTimeout(() => reject(new Error(`the dashboard stream did not carry ${key} within 10 s`)), 10_000).unref();
      }),
    close: () => request.destroy(),
  };
}

export async function measureTimeToAccess(appUrl: string): Promise<Figure[]> {
  const admin = BENCH_ADMIN.token;
  const suffix = Date.now().toString(36);
  await api(appUrl, admin, "POST", "/api/v1/admin/users", {
    email: `owner-${suffix}@bench.test`,
    name: "Bench Owner",
    role: "VIEWER",
    password: "bench owner password",
  });
  await api(appUrl, admin, "POST", "/api/v1/admin/groups", { name: `bench-approvers-${suffix}`, memberEmails: [BENCH_ADMIN.email] });
  const scope = `bench.tta${suffix}:write`;
  await api(appUrl, admin, "POST", "/api/v1/admin/scopes", {
    key: scope,
    risk: "MEDIUM",
    maxDurationSeconds: 3600,
    approverGroup: `bench-approvers-${suffix}`,
  });
  const agent = await api<{ id: string }>(appUrl, admin, "POST", "/api/v1/admin/agents", {
    name: `bench-tta-${suffix}`,
    ownerEmail: `owner-${suffix}@bench.test`,
    eligibleScopes: [scope],
  });
  const { key } = await api<{ key: string }>(appUrl, admin, "POST", `/api/v1/admin/agents/${agent.id}/keys`);

  const cookie = await signInForCookie(appUrl, BENCH_ADMIN);
  const stream = openDashboardStream(appUrl, cookie);
  await stream.opened;
  const toDashboard: number[] = [];
  const toAgent: number[] = [];
  try {
    for (let sample = 0; sample < SAMPLES; sample++) {
      const filing = performance.now();
      const filed = await api<{ id: string }>(appUrl, key, "POST", "/api/v1/access-requests", {
        scopes: [scope],
        justification: "Benchmark: time to access",
        durationSeconds: 600,
      });
      toDashboard.push((await stream.seen("request.filed", filed.id)) - filing);

      const waiting = fetch(`${appUrl}/api/v1/access-requests/${filed.id}?wait=30`, { headers: { authorization: `Bearer ${key}` } });
      // Let the long poll reach the server and subscribe before deciding.
      await new Promise((resolve) => setTimeout(resolve, 50));
      const approving = performance.now();
      const decided = await fetch(`${appUrl}/api/ui/requests/${filed.id}/decision`, {
        method: "POST",
        headers: { cookie, origin: appUrl, "content-type": "application/json" },
        body: JSON.stringify({ decision: "approve" }),
      });
      if (!decided.ok) throw new Error(`approving: HTTP ${decided.status} ${await decided.text()}`);
      const answer = (await (await waiting).json()) as { status: string };
      toAgent.push(performance.now() - approving);
      if (answer.status !== "APPROVED") throw new Error(`the waiting call returned ${answer.status}`);
    }
  } finally {
    stream.close();
  }
  return [
    ...latencyFigures("filed-to-dashboard", toDashboard, { p: 95, ms: 250 }),
    ...latencyFigures("approved-to-waiting-agent", toAgent, { p: 95, ms: 250 }),
  ];
}

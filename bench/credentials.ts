// P7 short-lived credentials, per provider on the local servers (loopback): issuing latency, grant end →
// new logins refused and live sessions cut, and reconciliation of 1,000 orphans. It measures the
// provider drivers Baton's issuing, clean-up and reconciliation call (lib/credentials); the path through
// the job runner (revocation → clean-up) is held to the same second by tests/integration/credentials.test.ts.
import { randomBytes } from "node:crypto";
import { driverFor } from "@/lib/credentials/open-provider-driver";
import { parsePrivileges, PROVIDER_KINDS, type ProviderKind } from "@/lib/credentials/privilege-grammar";
import { removeOrphans } from "@/lib/credentials/remove-orphans";
import { latencyFigures, round, type Figure } from "./figures";
import { serverAvailable, TARGETS } from "../tests/integration/credential-targets";

const ISSUES = 40;
const ENDINGS = 20;
const ORPHANS = 1000;

export async function measureCredentials(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const kind of PROVIDER_KINDS) {
    if (!(await serverAvailable(kind))) continue;
    figures.push(...(await measureKind(kind)));
  }
  return figures;
}

async function measureKind(kind: ProviderKind): Promise<Figure[]> {
  const target = await TARGETS[kind]();
  const prefix = `baton_bench${randomBytes(3).toString("hex")}_`;
  const connection = target.connection as { host: string; port: number; user?: string; password?: string; database?: string; managementUrl?: string };
  const driver = driverFor(
    kind,
    {
      host: connection.host,
      port: connection.port,
      user: connection.user ?? "",
      password: connection.password ?? null,
      database: connection.database,
      managementUrl: connection.managementUrl,
    },
    `${kind}-bench`,
  );
  const privileges = parsePrivileges(kind, target.privileges).parsed;
  let serial = 0;
  const mint = async () => {
    const username = `${prefix}${serial++}`;
    const password = randomBytes(18).toString("base64url");
    const point = await driver.issue({ username, password, privileges, expiresAt: new Date(Date.now() + 3_600_000), marker: "baton:bench" });
    return { username, password, ...point };
  };
  try {
    const issued: number[] = [];
    for (let i = 0; i < ISSUES; i++) {
      const started = performance.now();
      const credential = await mint();
      issued.push(performance.now() - started);
      await driver.revoke(credential.username);
    }
    const ended: number[] = [];
    for (let i = 0; i < ENDINGS; i++) {
      const credential = await mint();
      const session = await target.openSession(credential);
      if (!(await session.alive())) throw new Error(`${kind}: the new credential does not work`);
      const started = performance.now();
      await driver.revoke(credential.username);
      while ((await session.alive()) || (await target.canLogIn(credential))) {
        if (performance.now() - started > 10_000) throw new Error(`${kind}: still usable 10 s after revocation`);
      }
      ended.push(performance.now() - started);
      await session.close();
    }
    const orphans: string[] = [];
    for (let i = 0; i < ORPHANS; i += 16)
      orphans.push(...(await Promise.all(Array.from({ length: Math.min(16, ORPHANS - i) }, () => mint()))).map((c) => c.username));
    const started = performance.now();
    const removed = await removeOrphans(driver, await driver.list(prefix), new Set());
    const reconcileMs = performance.now() - started;
    if (removed.length !== ORPHANS) throw new Error(`${kind}: reconciliation removed ${removed.length} of ${ORPHANS}`);
    return [
      ...latencyFigures(`${kind}-issue`, issued, { p: 95, ms: 250 }),
      ...latencyFigures(`${kind}-end-refused-and-cut`, ended, { p: 99, ms: 1000 }),
      { name: `${kind}-reconcile-1000-orphans`, value: round(reconcileMs / 1000), unit: "s", goal: "info", ratio: null },
    ];
  } finally {
    await target.tearDown(prefix);
  }
}

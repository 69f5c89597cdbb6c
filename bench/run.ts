// npm run bench: every figure of the Performance section, each against its goal and, where there is one,
// a baseline measured in the same run. Loopback only; a few minutes in all. Needs PostgreSQL
// (BENCH_DATABASE_URL, default the local server) and builds the app if its build is not current;
// P6 (CLI start-up) alone needs neither: `npm run bench -- p6`; P7 (credentials) needs the local
// PostgreSQL, MariaDB, Redis and RabbitMQ and no app: `npm run bench -- p7`.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureBuild } from "@/lib/build-fingerprint";
import { startApp } from "./app-instance";
import { measureCliStartup } from "./cli-startup";
import { measureCredentials } from "./credentials";
import { BENCH_SHAPE, measureAppDecisions, measurePdpThroughput, startServer } from "./decisions";
import { measureDecisionsAtExpiry, measureRevocationEverywhere } from "./enforcement-everywhere";
import { printFigure, type Figure } from "./figures";
import { measureFootprint } from "./footprint";
import { measurePdpWithPolicies, measurePolicyEvaluation } from "./policies";
import { measureScale } from "./scale";
import { seedBenchDatabase } from "./seed-bench-database";
import { measureTimeToAccess } from "./time-to-access";

const BASE_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3590);
const here = import.meta.dirname;

function section(title: string, figures: Figure[]): Figure[] {
  console.log(`\n# ${title}`);
  figures.forEach(printFigure);
  return figures;
}

const SECTIONS = ["p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8"] as const;
type Section = (typeof SECTIONS)[number];

/** `npm run bench` runs every section; `npm run bench -- p2 p3` only those. */
function selectedSections(): Set<Section> {
  const asked = process.argv.slice(2).map((arg) => arg.toLowerCase());
  const unknown = asked.filter((arg) => !(SECTIONS as readonly string[]).includes(arg));
  if (unknown.length) throw new Error(`unknown section ${unknown.join(", ")}: choose from ${SECTIONS.join(", ")}`);
  return new Set(asked.length ? (asked as Section[]) : SECTIONS);
}

async function main() {
  const sections = selectedSections();
  const figures: Figure[] = [];
  // First, on an idle machine: no server of the bench runs yet.
  if (sections.has("p6")) figures.push(...section("P6 CLI start-up against node -e 0", await measureCliStartup()));
  if (sections.has("p7")) figures.push(...section("P7 policy evaluation per call (in process)", measurePolicyEvaluation()));
  const serverSections = [...sections].filter((name) => name !== "p6" && name !== "p8");
  // Against the local PostgreSQL, MariaDB, Redis and RabbitMQ (each skipped, saying so, when not running).
  if (sections.has("p8")) figures.push(...section("P8 short-lived credentials per provider", await measureCredentials()));
  const grants = serverSections.length ? await measureServers(new Set(serverSections), figures) : undefined;

  const unmet = figures.filter((figure) => figure.goal !== "info" && figure.goal !== "reference" && !meets(figure));
  console.log(`\n${figures.length} figures; ${unmet.length ? `goals not met: ${unmet.map((figure) => figure.name).join(", ")}` : "every goal met"}.`);
  fs.mkdirSync(path.join(here, "results"), { recursive: true });
  const results = {
    measuredAt: new Date().toISOString(),
    sections: [...sections],
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    node: process.version,
    ...BENCH_SHAPE,
    grants,
    figures,
  };
  fs.writeFileSync(
    path.join(here, "results", sections.size === SECTIONS.length ? "latest.json" : "latest-partial.json"),
    `${JSON.stringify(results, null, 2)}\n`,
  );
}

/** Every section that runs Baton's servers, on a seeded database; returns how many grants it seeded. */
async function measureServers(sections: Set<Section>, figures: Figure[]): Promise<number> {
  if (ensureBuild() !== 0) throw new Error("next build failed");
  console.log(`Seeding a fresh database on ${new URL(BASE_URL).host}…`);
  const db = await seedBenchDatabase(BASE_URL);
  console.log(
    `${db.grants.length} grants; ${BENCH_SHAPE.connections} connections, ${BENCH_SHAPE.durationSeconds} s per load run on ${os.cpus().length} CPUs (load generator and servers share them).`,
  );
  console.log("columns: name value unit goal ratio");
  const children: { kill(): unknown }[] = [];
  // Interrupted: stop the servers it started (they would outlive it otherwise) and drop its database.
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.once(signal, () => {
      for (const child of children) child.kill();
      void db.drop().finally(() => process.exit(130));
    });
  try {
    let pdpUrls: string[] = [];
    if (sections.has("p1")) {
      const pdp = await measurePdpThroughput(db, children);
      pdpUrls = pdp.pdpUrls;
      figures.push(...section("P1 decisions: baton pdp against its baselines", pdp.figures));
    }
    // Before P1's app instances: it activates policy sets, which would change what P1 measures.
    if (sections.has("p7"))
      figures.push(...section("P7 baton pdp with 1, 100 and 10,000 policies against bare Node", await measurePdpWithPolicies(db, children)));
    if (sections.has("p1") || sections.has("p2") || sections.has("p3") || sections.has("p4")) {
      const apps = [];
      for (const port of [APP_PORT, APP_PORT + 1]) {
        const app = await startApp({ port, databaseUrl: db.url });
        children.push(app);
        apps.push(app);
      }
      if (sections.has("p1")) figures.push(...section("P1 decisions: the app's endpoint against a trivial route", await measureAppDecisions(db, apps[0]!.url)));
      if (sections.has("p2")) figures.push(...section("P2 time to access", await measureTimeToAccess(apps[0]!.url)));
      if (sections.has("p3")) {
        if (pdpUrls.length === 0)
          for (const kind of ["pdp-warm-cache", "pdp-cache-off"] as const) {
            const pdp = await startServer(kind, db.url);
            children.push(pdp.child);
            pdpUrls.push(pdp.url);
          }
        const points = [
          { name: "app-1", url: apps[0]!.url },
          { name: "app-2", url: apps[1]!.url },
          { name: "pdp-1", url: pdpUrls[0]! },
          { name: "pdp-2", url: pdpUrls[1]! },
        ];
        figures.push(
          ...section("P3 revocation and expiry on every instance and PDP", [
            ...(await measureRevocationEverywhere({ points, db })),
            ...(await measureDecisionsAtExpiry({ points, db })),
          ]),
        );
      }
      if (sections.has("p4")) figures.push(...section("P4 100k grants and 1M audit events", await measureScale({ db, appUrl: apps[0]!.url })));
    }
  } finally {
    for (const child of children) child.kill();
    await db.drop();
  }
  if (sections.has("p5")) figures.push(...section("P5 footprint", await measureFootprint(BASE_URL, APP_PORT + 2)));
  return db.grants.length;
}

/** A ratio against a reference meets its goal at or above the factor; a floor at or above 1; a bound (latency, memory) at or below 1; "0" only at zero. */
function meets(figure: Figure): boolean {
  if (figure.goal === "0") return figure.value === 0;
  if (figure.ratio === null) return false;
  const factor = /^>=([\d.]+)x/.exec(figure.goal);
  if (factor) return figure.ratio >= Number(factor[1]);
  // "<=3x": the ratio is a multiple of the reference measured in the same run (CLI start-up).
  const multiple = /^<=([\d.]+)x$/.exec(figure.goal);
  if (multiple) return figure.ratio <= Number(multiple[1]);
  // ">=300/s": the ratio is value ÷ the floor; "<=5ms": value ÷ the bound.
  return figure.goal.startsWith(">=") ? figure.ratio >= 1 : figure.ratio <= 1;
}

await main();

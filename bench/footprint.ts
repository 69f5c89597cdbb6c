// P5: how long Baton takes from start to ready, and how much memory it holds when idle.
import pg from "pg";
import { residentMegabytes, startApp } from "./app-instance";
import { round, type Figure } from "./figures";

const IDLE_MS = 5000;

async function measureOne(label: string, port: number, databaseUrl?: string): Promise<Figure[]> {
  const app = await startApp({ port, databaseUrl });
  try {
    // A signed-out page and an API call, then idle: what a freshly started, unused server holds.
    await fetch(`${app.url}/sign-in`).then((response) => response.text());
    await fetch(`${app.url}/api/health`).then((response) => response.text());
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    const memory = residentMegabytes(app.child.pid!);
    return [
      { name: `start-to-ready-${label}`, value: round(app.readyMs / 1000, 1), unit: "s", goal: "info", ratio: null },
      { name: `idle-rss-server-${label}`, value: memory.own, unit: "MB", goal: "<=250MB", ratio: round(memory.own / 250) },
      { name: `idle-rss-with-launcher-${label}`, value: memory.tree, unit: "MB", goal: "info", ratio: null },
    ];
  } finally {
    app.kill("SIGTERM");
    await new Promise((resolve) => app.child.once("exit", resolve));
  }
}

/** On a fresh embedded database (first start: migrations and all), and on a fresh PostgreSQL database. */
export async function measureFootprint(baseUrl: string, port: number): Promise<Figure[]> {
  const figures = await measureOne("embedded", port);
  const name = `baton_bench_footprint_${process.pid}`;
  const maintenance = new pg.Client({ connectionString: baseUrl });
  await maintenance.connect();
  try {
    await maintenance.query(`CREATE DATABASE "${name}"`);
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    figures.push(...(await measureOne("postgresql", port, url.toString())));
  } finally {
    await maintenance.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await maintenance.end();
  }
  return figures;
}

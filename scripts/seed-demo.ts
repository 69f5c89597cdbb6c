// npm run seed:demo: migrates the configured database, then adds a demo organisation with a week of history.
import { databaseConfig, describeDatabase } from "@/lib/database/config";
import { closePGlite } from "@/lib/database/pglite";
import { migrateDatabase } from "@/lib/database/migrate-database";
import { seedDemo } from "@/lib/demo/seed-demo";
import { runScript } from "./run-script";

const tally = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([status, count]) => `${count} ${status.toLowerCase()}`)
    .join(", ");

await runScript(async () => {
  const config = databaseConfig();
  const applied = await migrateDatabase(config);
  if (applied.length) console.log(`Applied migrations ${applied.join(", ")}`);
  const started = performance.now();
  const result = await seedDemo();
  if (config.kind === "pglite") await closePGlite(config.dataDir);
  const where = describeDatabase(config);

  if (result.status === "already-seeded") {
    console.log(`The demo is already in ${where}; nothing changed.`);
    return 0;
  }
  if (result.status === "name-clash") {
    console.error(`Cannot add the demo to ${where}: it already has ${result.clashes.join(", ")}.`);
    return 1;
  }
  const { counts } = result;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Seeded the demo into ${where} in ${seconds} s:`);
  console.log(`  ${counts.people} people, ${counts.groups} approver groups, ${counts.scopes} scopes, ${counts.agents} agents, ${counts.incidents} incidents`);
  console.log(`  requests: ${tally(counts.requests)}`);
  console.log(`  grants: ${tally(counts.grants)}`);
  console.log(`  ${counts.auditEvents} audit events`);
  console.log(`Sign in with any of these, password "${result.password}":`);
  for (const person of result.people) console.log(`  ${person.email.padEnd(24)} ${person.role.toLowerCase().padEnd(10)} ${person.name}`);
});

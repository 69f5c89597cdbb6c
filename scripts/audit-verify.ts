// npm run audit:verify: recomputes the audit hash chain; prints `OK <n> events` or names the first bad sequence number.
// npm run audit:verify -- --file <export.jsonl>: the same for a JSON Lines export, offline (no database).
import fs from "node:fs";
import readline from "node:readline";
import { parseArgs } from "node:util";
import { verifyExportedEvents } from "@/lib/audit/verify-exported-events";
import { runScript } from "./run-script";

const { values } = parseArgs({ options: { file: { type: "string" } } });

async function verifyFile(file: string): Promise<number> {
  if (!fs.existsSync(file)) {
    console.error(`no such file: ${file}`);
    return 1;
  }
  const verdict = await verifyExportedEvents(readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity }));
  if (!verdict.ok) {
    console.log(
      `FAIL at ${verdict.badSeq === null ? `line ${verdict.line}` : `sequence ${verdict.badSeq}`}: ${verdict.reason} (${verdict.count} events verified before it)`,
    );
    return 1;
  }
  const span = verdict.count === 0 ? "" : `, sequence ${verdict.firstSeq}–${verdict.lastSeq}`;
  const shape =
    verdict.fromGenesis && verdict.segments === 1
      ? "one unbroken chain from the first event"
      : `${verdict.segments} unbroken ${verdict.segments === 1 ? "run" : "runs"} (a filtered or partial export)`;
  console.log(`OK ${verdict.count} events${span}: ${shape}`);
  return 0;
}

async function verifyDatabase(): Promise<number> {
  // Imported here so verifying a file never opens (or locks) the database.
  const { verifyChain } = await import("@/lib/audit/verify-chain");
  const { disconnect } = await import("@/lib/db");
  const verdict = await verifyChain({
    onProgress: (checked, total) => process.stderr.isTTY && process.stderr.write(`\rverified ${checked}/${total}`),
  });
  if (process.stderr.isTTY) process.stderr.write("\n");
  await disconnect();
  if (verdict.ok) {
    console.log(`OK ${verdict.count} events`);
    return 0;
  }
  console.log(`FAIL at sequence ${verdict.badSeq}: ${verdict.reason} (${verdict.count} events verified before it)`);
  return 1;
}

await runScript(() => (values.file ? verifyFile(values.file) : verifyDatabase()));

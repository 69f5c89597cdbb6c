// npm run audit:verify: recomputes the audit hash chain; prints `OK <n> events` or names the first bad sequence number.
import { verifyChain } from "@/lib/audit/verify-chain";
import { disconnect } from "@/lib/db";
import { runScript } from "./run-script";

await runScript(async () => {
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
});

// A second Baton instance, as far as the token exchange goes: its own process (no shared memory), the
// same database. Exchanges the workload token given as argument and prints the answer as JSON.
import { systemClock } from "@/lib/kernel/clock";
import { OAuthError } from "@/lib/grant-tokens/token-exchange-format";
import { exchangeWorkloadToken } from "@/lib/workload-identity/exchange-workload-token";
import { JWT_BEARER_GRANT_TYPE } from "@/lib/workload-identity/workload-token-format";

try {
  const issued = await exchangeWorkloadToken({
    form: { grant_type: JWT_BEARER_GRANT_TYPE, assertion: process.argv[2] },
    issuer: "http://localhost",
    clientAddress: "second-instance",
    clock: systemClock,
  });
  process.stdout.write(JSON.stringify({ status: 200, scope: issued.scope }));
} catch (error) {
  if (!(error instanceof OAuthError)) throw error;
  process.stdout.write(JSON.stringify({ status: error.status, error: error.error, error_description: error.description }));
}
process.exit(0);

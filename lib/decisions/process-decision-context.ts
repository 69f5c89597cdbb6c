import { systemClock } from "@/lib/kernel/clock";
import { findVerificationKey } from "@/lib/signing-keys/find-verification-key";
import { createGrantIndex } from "./create-grant-index";
import { createVerifiedTokenCache } from "./create-verified-token-cache";
import { databaseChangeSource } from "./database-change-source";
import { databaseDecisionSource } from "./database-decision-source";
import type { DecisionContext } from "./decide-access";
import { createPolicyIndex } from "@/lib/policy/create-policy-index";
import { prisma } from "@/lib/db";

const START_RETRY_MS = 5_000;

type Holder = { context: DecisionContext; starting: Promise<void> | null; failedAt: number };
// One index per process, shared by every Next.js bundle, like the change feed it listens to.
const state = globalThis as unknown as { __batonDecisions?: Holder };

function logError(error: unknown) {
  console.error("[baton] decisions: falling back to database reads:", error instanceof Error ? error.message : error);
}

/**
 * The process's decision context: the grant index over Baton's database and change feed, started on first
 * use (and again, at most every few seconds, if the feed could not be reached). Until the index is
 * current, decisions read the database.
 */
export function processDecisionContext(): DecisionContext {
  const holder = (state.__batonDecisions ??= {
    context: {
      index: createGrantIndex({ source: databaseDecisionSource, changes: databaseChangeSource, clock: systemClock, onError: logError }),
      tokenCache: createVerifiedTokenCache(),
      findKey: findVerificationKey,
      clock: systemClock,
      policies: createPolicyIndex({
        query: (sql, params = []) => prisma.$queryRawUnsafe(sql, ...params),
        changes: databaseChangeSource,
        onError: logError,
      }),
      onError: logError,
    },
    starting: null,
    failedAt: 0,
  });
  if (!holder.starting && Date.now() - holder.failedAt >= START_RETRY_MS) {
    holder.starting = Promise.all([holder.context.index.start(), holder.context.policies.start()])
      .then(() => undefined)
      .catch((error: unknown) => {
        logError(error);
        holder.failedAt = Date.now();
        holder.starting = null;
      });
  }
  return holder.context;
}

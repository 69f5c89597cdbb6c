import type PgBoss from "pg-boss";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { databaseConfig } from "@/lib/database/config";
import { purgeReceivedWebhooks } from "@/lib/incidents/purge-received-webhooks";
import { subscribeToChanges } from "@/lib/events/change-feed";
import { expireDueGrants } from "@/lib/grants/expire-due-grants";
import { remindExpiringGrants } from "@/lib/grants/remind-expiring-grants";
import { lapseDueRequests } from "@/lib/requests/lapse-due-requests";
import { deliverWebhook } from "@/lib/webhooks/deliver-webhook";
import { dispatchAuditEvents, type DueTimer } from "@/lib/webhooks/dispatch-audit-events";
import { findDueDeliveries } from "@/lib/webhooks/find-due-deliveries";
import { systemPrincipal } from "@/lib/kernel/principal";
import { cleanUpCredentials } from "@/lib/credentials/clean-up-credentials";
import { reconcileCredentials } from "@/lib/credentials/reconcile-credentials";
import { createQueueBackend } from "./create-queue-backend";

const DUE_QUEUE = "baton-due";
const WEBHOOK_QUEUE = "baton-webhook";
// A job may be fetched a little before its moment by this process's clock (pg-boss compares with the database's clock).
const MAX_EARLY_WAIT_MS = 5_000;

/** Jobs act as Baton itself; each is named, so a principal says which job acted. */
const EXPIRY = systemPrincipal("expire-due-grants");
const LAPSE = systemPrincipal("lapse-due-requests");
const REMINDER = systemPrincipal("remind-expiring-grants");

type DueJob = { kind: DueTimer["kind"]; id: string; dueAt: string } | { kind: "sweep" };
type WebhookJob = { deliveryId: string; dueAt: string };

/** Instances starting together may race to create a queue (pg-boss can deadlock there): the loser retries and finds it. */
async function ensureQueue(boss: PgBoss, name: string) {
  for (let attempt = 1; ; attempt++) {
    if (await boss.getQueue(name)) return;
    try {
      await boss.createQueue(name, { name, retryLimit: 3, retryDelay: 5 });
      return;
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 400));
    }
  }
}

export interface JobRunnerOptions {
  clock?: Clock;
  /** `grant.expiring` this long before a grant ends; 0 sends none. */
  reminderLeadSeconds: number;
  /** The wait before a webhook's first retry (then ×4 each time). */
  retryBaseMs?: number;
  /** How often some instance sweeps for due work it was not told about (and to catch up after downtime). */
  sweepIntervalSeconds?: number;
  pollingIntervalSeconds?: number;
  fetch?: typeof fetch;
  log?: (message: string) => void;
  /** How often this instance reconciles credential providers with the grants (also once at start). */
  reconcileIntervalSeconds?: number;
}

export interface JobRunnerStatus {
  engine: "pg-boss";
  startedAt: string;
  lastSweepAt: string | null;
  lastDispatchAt: string | null;
  failures: number;
}

export interface JobRunner {
  status(): JobRunnerStatus;
  /** Runs the catch-up sweep now, in this process (it is idempotent): for tests and start-up. */
  sweep(): Promise<void>;
  /** Queues these (already stored) deliveries for sending now. */
  deliverSoon(deliveryIds: string[]): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Baton's background work on a pg-boss queue in the database: grants marked EXPIRED at `expiresAt`,
 * pending requests lapsed, expiry reminders, and webhook deliveries with retries. Every job is keyed to
 * rows it changes with a guarded update, so duplicate jobs, a job racing the sweep, or several instances
 * change each row once. What a job does is durable in the database before it is scheduled, and the
 * sweep (at start and every `sweepIntervalSeconds`, once across instances) finds anything a crash left
 * unscheduled. Correctness never depends on it: decisions deny at `expiresAt` on their own.
 */
export async function startJobRunner(options: JobRunnerOptions): Promise<JobRunner> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? ((message: string) => console.error(`Baton jobs: ${message}`));
  const sweepIntervalSeconds = options.sweepIntervalSeconds ?? 30;
  const state: JobRunnerStatus = { engine: "pg-boss", startedAt: clock.now().toISOString(), lastSweepAt: null, lastDispatchAt: null, failures: 0 };
  const report = (what: string) => (error: unknown) => {
    state.failures++;
    log(`${what} failed: ${error instanceof Error ? error.message : String(error)}`);
  };

  const boss: PgBoss = createQueueBackend(databaseConfig(), options.pollingIntervalSeconds ?? 0.5);
  boss.on("error", report("the queue"));
  await boss.start();
  for (const name of [DUE_QUEUE, WEBHOOK_QUEUE]) await ensureQueue(boss, name);

  async function waitUntilDue(dueAt: string) {
    const wait = new Date(dueAt).getTime() - clock.now().getTime();
    if (wait > 0 && wait <= MAX_EARLY_WAIT_MS) await new Promise((resolve) => setTimeout(resolve, wait));
  }

  let webhookWorker = "";
  async function enqueueDeliveries(ids: string[], dueAt: Date) {
    if (ids.length === 0) return;
    await boss.insert(
      ids.map((deliveryId) => ({ name: WEBHOOK_QUEUE, data: { deliveryId, dueAt: dueAt.toISOString() } satisfies WebhookJob, startAfter: dueAt })),
    );
    if (webhookWorker) boss.notifyWorker(webhookWorker);
  }

  async function scheduleTimers(timers: DueTimer[]) {
    if (timers.length === 0) return;
    await boss.insert(
      timers.map((timer) => ({
        name: DUE_QUEUE,
        data: { kind: timer.kind, id: timer.id, dueAt: timer.dueAt.toISOString() } satisfies DueJob,
        startAfter: timer.dueAt,
        singletonKey: `${timer.kind}:${timer.id}`,
      })),
    );
  }

  // Woken by every committed change; one pass at a time in this process, and again if woken meanwhile.
  let dispatching: Promise<void> | null = null;
  let wokenAgain = false;
  let stopped = false;
  // Credentials of ended grants: removed on every change (a grant just ended), on the sweep, and when a retry falls due.
  let cleaning: Promise<void> | null = null;
  let cleanAgain = false;
  let retryTimer: NodeJS.Timeout | undefined;
  function cleanUpSoon() {
    if (stopped) return;
    if (cleaning) {
      cleanAgain = true;
      return;
    }
    cleaning = (async () => {
      do {
        cleanAgain = false;
        const outcome = await cleanUpCredentials({ now: clock.now() });
        const nextRetry = Math.min(...outcome.failed.map((failure) => failure.nextAttemptAt.getTime()));
        if (Number.isFinite(nextRetry)) {
          clearTimeout(retryTimer);
          retryTimer = setTimeout(cleanUpSoon, Math.max(50, nextRetry - clock.now().getTime()));
          retryTimer.unref();
        }
      } while (cleanAgain);
    })()
      .catch(report("cleaning up credentials"))
      .finally(() => {
        cleaning = null;
      });
  }

  function wakeDispatcher() {
    if (stopped) return;
    cleanUpSoon();
    if (dispatching) {
      wokenAgain = true;
      return;
    }
    dispatching = (async () => {
      do {
        wokenAgain = false;
        for (;;) {
          const outcome = await dispatchAuditEvents({ now: clock.now(), reminderLeadSeconds: options.reminderLeadSeconds });
          if (outcome.busy) break; // another instance holds the cursor and reads these events
          state.lastDispatchAt = clock.now().toISOString();
          await enqueueDeliveries(outcome.deliveryIds, clock.now());
          await scheduleTimers(outcome.timers);
          if (!outcome.more) break;
        }
      } while (wokenAgain);
    })()
      .catch(report("dispatching audit events"))
      .finally(() => {
        dispatching = null;
        if (wokenAgain) wakeDispatcher();
      });
  }

  async function sweep() {
    const now = clock.now();
    await expireDueGrants({ principal: EXPIRY, now });
    await lapseDueRequests({ principal: LAPSE, now });
    await remindExpiringGrants({ principal: REMINDER, now, leadSeconds: options.reminderLeadSeconds });
    await enqueueDeliveries(
      (await findDueDeliveries({ now })).map((delivery) => delivery.id),
      now,
    );
    await purgeReceivedWebhooks({ now });
    cleanUpSoon();
    state.lastSweepAt = now.toISOString();
    wakeDispatcher();
  }

  async function runDueJob(job: DueJob) {
    if (job.kind === "sweep") return sweep();
    await waitUntilDue(job.dueAt);
    const now = clock.now();
    if (job.kind === "expire-grant") await expireDueGrants({ principal: EXPIRY, now, grantIds: [job.id] });
    else if (job.kind === "lapse-request") await lapseDueRequests({ principal: LAPSE, now, requestIds: [job.id] });
    else await remindExpiringGrants({ principal: REMINDER, now, leadSeconds: options.reminderLeadSeconds, grantIds: [job.id] });
  }

  async function runWebhookJob(job: WebhookJob) {
    await waitUntilDue(job.dueAt);
    const result = await deliverWebhook({ deliveryId: job.deliveryId, now: () => clock.now(), retryBaseMs: options.retryBaseMs, fetch: options.fetch });
    if (result.outcome === "retry") await enqueueDeliveries([job.deliveryId], result.nextAttemptAt);
  }

  await boss.work<DueJob>(DUE_QUEUE, { batchSize: 20 }, async (jobs) => {
    for (const job of jobs) await runDueJob(job.data);
  });
  webhookWorker = await boss.work<WebhookJob>(WEBHOOK_QUEUE, { batchSize: 10 }, async (jobs) => {
    const results = await Promise.allSettled(jobs.map((job) => runWebhookJob(job.data)));
    const failed = results.find((result) => result.status === "rejected");
    if (failed) throw failed.reason;
  });

  const unsubscribe = await subscribeToChanges(wakeDispatcher, wakeDispatcher);
  // Catch up on what came due while no runner was up, then let one instance sweep per interval.
  await sweep().catch(report("the start-up sweep"));
  const timer = setInterval(() => {
    void boss.sendThrottled(DUE_QUEUE, { kind: "sweep" } satisfies DueJob, {}, sweepIntervalSeconds, "sweep").catch(report("scheduling the sweep"));
  }, sweepIntervalSeconds * 1000);
  timer.unref();
  let reconciling: Promise<void> | undefined;
  const reconcile = () =>
    void (reconciling = reconcileCredentials({ now: clock.now() })
      .then((outcome) => {
        if (outcome.orphansRemoved > 0) log(`reconciliation removed ${outcome.orphansRemoved} orphaned credential(s)`);
      })
      .catch(report("reconciling credentials")));
  reconcile();
  const reconcileTimer = setInterval(reconcile, (options.reconcileIntervalSeconds ?? 300) * 1000);
  reconcileTimer.unref();

  return {
    status: () => ({ ...state }),
    sweep,
    deliverSoon: (ids) => enqueueDeliveries(ids, clock.now()),
    async stop() {
      stopped = true;
      clearInterval(timer);
      clearInterval(reconcileTimer);
      clearTimeout(retryTimer);
      await cleaning;
      await reconciling;
      unsubscribe();
      await dispatching;
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}

import type { Job, Processor, Worker, WorkerOptions } from 'bullmq';
import type { Services } from '../src/services/index.ts';
import { deadlineProcessor } from './deadline.worker.ts';
import { withCommissionJobs } from './commission.worker.ts';
import { CommissionCommands } from '../src/services/commission-commands.ts';
import { notificationProcessor } from './notification.worker.ts';
import { OutboxRelay } from './outbox-relay.ts';
import { closeWorkers, type QueueName } from './queues.ts';
import { Reconciler } from './reconciler.ts';
import { scoreProcessor } from './score.worker.ts';
import { Sweeper } from './sweeper.ts';
import { withinMs } from '../src/time-limit.ts';
import { webhookProcessor } from './webhook.worker.ts';

export interface WorkerRuntime {
  relay: OutboxRelay;
  sweeper: Sweeper;
  workers: Worker[];
  /** Stops polling and the workers: running jobs finish (or go back to the queue); the queues stay open. */
  stopWork(): Promise<void>;
  /** stopWork, then closes the queue connections. */
  stop(): Promise<void>;
}

export interface RuntimeOptions {
  /** Fault injection for tests: hold score jobs open after their write (default FAULT_SCORE_PAUSE_MS). */
  scorePauseMs?: number;
}

/** A loop that never overlaps itself and reports a failure once until it recovers. */
function every(ms: number, name: string, log: Services['log'], task: () => Promise<unknown>) {
  let running: Promise<unknown> | null = null;
  let failing = false;
  const tick = () => {
    if (running) return;
    running = task()
      .then(() => {
        if (failing) log.info({ loop: name }, 'recovered');
        failing = false;
      })
      .catch((error: Error) => {
        if (!failing) log.warn({ loop: name, err: error.message }, 'loop failed; will retry');
        failing = true;
      })
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, ms);
  tick();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

export function startWorkers(services: Services, options: RuntimeOptions = {}): WorkerRuntime {
  const { config, db, calendar, clock, log, commands, metrics, queues: kit } = services;
  if (!kit) throw new Error('startWorkers needs services with a queue backend');
  const reminders = {
    staleReminderDays: config.STALE_REMINDER_DAYS,
    signoffReminderWorkdays: config.SIGNOFF_REMINDER_WORKDAYS,
  };
  const relay = new OutboxRelay(db, kit, calendar, reminders, clock);
  const commissions = new CommissionCommands(services);
  const sweeper = new Sweeper(db, commands, calendar, reminders, clock, new Reconciler(db, kit, log, { settings: reminders, calendar, clock }), commissions);
  const stopping = new AbortController();
  const scorePauseMs = options.scorePauseMs ?? config.FAULT_SCORE_PAUSE_MS;

  const instrument = (queue: QueueName, worker: Worker) => {
    worker.on('active', (job: Job) => {
      const dueAt = job.timestamp + (job.delay ?? 0);
      metrics.jobLatency.observe({ queue }, Math.max(0, Date.now() - dueAt) / 1000);
    });
    worker.on('completed', (job: Job) => {
      if (job.processedOn) metrics.jobDuration.observe({ queue, outcome: 'completed' }, (Date.now() - job.processedOn) / 1000);
    });
    worker.on('failed', (job: Job | undefined, error: Error) => {
      const final = !job || error.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
      metrics.jobFailures.inc({ queue, final: String(final) });
      log.warn({ queue, jobId: job?.id, attempt: job?.attemptsMade, final, err: error.message }, 'job failed');
    });
    return worker;
  };

  // Jobs running per worker, so that stop knows which workers are idle.
  const running = new Map<Worker, number>();
  const start = (queue: QueueName, processor: Processor, workerOptions?: Partial<WorkerOptions>) => {
    const worker: Worker = kit.worker(
      queue,
      async (job) => {
        running.set(worker, (running.get(worker) ?? 0) + 1);
        try {
          return await processor(job);
        } finally {
          running.set(worker, (running.get(worker) ?? 1) - 1);
        }
      },
      workerOptions,
    );
    return instrument(queue, worker);
  };
  const workers = [
    start('deadlines', withCommissionJobs(commissions, deadlineProcessor({ db, commands, kit, calendar, reminders, clock })), {
      concurrency: config.DEADLINE_CONCURRENCY,
    }),
    start('scores', scoreProcessor(db, { pauseAfterWriteMs: scorePauseMs, signal: stopping.signal })),
    start('notifications', notificationProcessor(db, kit)),
    start('webhooks', webhookProcessor(db, { allowHosts: config.WEBHOOK_ALLOW_HOSTS }), { concurrency: 5 }),
  ];

  const stopRelay = every(config.OUTBOX_POLL_MS, 'outbox-relay', log, () => relay.drain());
  const stopSweeper = every(config.SWEEP_INTERVAL_MS, 'sweeper', log, () => sweeper.sweep());

  const stopWork = async () => {
    stopping.abort();
    await Promise.all([stopRelay(), stopSweeper()]);
    // A worker with a job running is closed gracefully (the job finishes). An idle one is closed
    // with force, which for it differs only in not waiting for its blocking connection to end:
    // after a Redis outage BullMQ 6.7 can leave that connection reconnecting for good, and a
    // graceful close would then never return. A job fetched in that instant is handed back
    // when its lock expires (jobs are idempotent). A busy worker on such a connection can hang
    // too (BullMQ issue #4656): after QUEUE_CLOSE_TIMEOUT_MS the queue kit cuts its connections.
    const closing = closeWorkers(workers, (w) => (running.get(w) ?? 0) === 0);
    await withinMs(config.QUEUE_CLOSE_TIMEOUT_MS, closing, 'closing the workers').catch((error: Error) => {
      closing.catch(() => undefined);
      log.warn({ err: error.message }, 'workers did not close in time; their connections are cut next');
    });
  };

  return {
    relay,
    sweeper,
    workers,
    stopWork,
    stop: async () => {
      await stopWork();
      await kit.close();
    },
  };
}

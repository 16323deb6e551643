import type { Job, Worker } from 'bullmq';
import type { Services } from '../src/services/index.ts';
import { deadlineProcessor } from './deadline.worker.ts';
import { notificationProcessor } from './notification.worker.ts';
import { OutboxRelay } from './outbox-relay.ts';
import type { QueueName } from './queues.ts';
import { scoreProcessor } from './score.worker.ts';
import { Sweeper } from './sweeper.ts';
import { webhookProcessor } from './webhook.worker.ts';

export interface WorkerRuntime {
  relay: OutboxRelay;
  sweeper: Sweeper;
  workers: Worker[];
  /** Stops polling, lets running jobs finish (or hands them back), closes queue connections. */
  stop(): Promise<void>;
}

export interface RuntimeOptions {
  /** Fault injection for tests: hold score jobs open after their write. */
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
  const sweeper = new Sweeper(db, commands, calendar, reminders, clock);

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

  const workers = [
    instrument('deadlines', kit.worker('deadlines', deadlineProcessor(commands, clock))),
    instrument('scores', kit.worker('scores', scoreProcessor(db, { pauseAfterWriteMs: options.scorePauseMs }))),
    instrument('notifications', kit.worker('notifications', notificationProcessor(db, kit))),
    instrument('webhooks', kit.worker('webhooks', webhookProcessor(db, { allowHosts: config.WEBHOOK_ALLOW_HOSTS }), { concurrency: 5 })),
  ];

  const stopRelay = every(config.OUTBOX_POLL_MS, 'outbox-relay', log, () => relay.drain());
  const stopSweeper = every(config.SWEEP_INTERVAL_MS, 'sweeper', log, () => sweeper.sweep());

  return {
    relay,
    sweeper,
    workers,
    stop: async () => {
      await Promise.all([stopRelay(), stopSweeper()]);
      await kit.close();
    },
  };
}

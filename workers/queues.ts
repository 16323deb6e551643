import { createPostgresBackend, Queue, Worker, type JobsOptions, type Processor, type WorkerOptions } from 'bullmq';
import type { Config } from '../src/config.ts';
import { withinMs } from '../src/time-limit.ts';
import { Redis } from 'ioredis';

/** The queues: each holds one kind of work; Postgres keeps the truth, a queue only the work to do. */
export const QUEUE_NAMES = ['deadlines', 'scores', 'notifications', 'webhooks'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export interface QueueSettings {
  /** Redis when set (production); otherwise BullMQ's PostgreSQL backend on `databaseUrl`. */
  redisUrl?: string;
  databaseUrl: string;
  /** Redis key prefix, or the Postgres schema of the queue tables: keeps installs (and test files) apart. */
  prefix: string;
  /** How often a worker looks for jobs whose worker died (ms). */
  stalledIntervalMs?: number;
  /** How long a job's lock lasts without renewal: a dead worker's job is handed back after it. */
  lockDurationMs?: number;
  attempts?: number;
  backoffMs?: number;
  /** How long closing may take before the connections are cut (a worker can hang while Redis reconnects). */
  closeTimeoutMs?: number;
  /** Where connection errors go (they are frequent while a backend is down: keep it throttled). */
  onError?: (source: string, error: Error) => void;
}

/** Reports each source's errors at most once a minute. */
export function throttledErrors(log: { warn(obj: object, msg: string): void }, everyMs = 60_000) {
  const last = new Map<string, number>();
  return (source: string, error: Error) => {
    const now = Date.now();
    if (now - (last.get(source) ?? 0) < everyMs) return;
    last.set(source, now);
    log.warn({ source, err: error.message }, 'queue backend error');
  };
}

function jobOptions(settings: QueueSettings): JobsOptions {
  return {
    attempts: settings.attempts ?? 8,
    backoff: { type: 'exponential', delay: settings.backoffMs ?? 1_000 },
  };
}

function workerDefaults(settings: QueueSettings) {
  return {
    stalledInterval: settings.stalledIntervalMs ?? 30_000,
    lockDuration: settings.lockDurationMs ?? 30_000,
    // Keep finished jobs for a while so that a deterministic job id added again is recognised.
    // Set on the worker rather than on each job: every pending job would store these bytes
    // (about 75 per job; a pending item has four), see the memory benchmark.
    removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
    removeOnFail: { age: 30 * 24 * 3600 },
  };
}

export interface QueueKit {
  backend: 'redis' | 'postgres';
  queue(name: QueueName): Queue;
  worker(name: QueueName, processor: Processor, options?: Partial<WorkerOptions>): Worker;
  /** Whether the backend answers now (for /readyz). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Queues and workers on either backend. Producers fail fast when Redis is down (the outbox keeps
 * the work); workers retry their connection forever, as BullMQ requires.
 */
export function createQueueKit(settings: QueueSettings): QueueKit {
  return settings.redisUrl ? redisKit(settings, settings.redisUrl) : postgresKit(settings);
}

const DEFAULT_CLOSE_TIMEOUT_MS = 3_000;

/**
 * Closes workers, each once it has finished starting: one closed while it starts opens its
 * connection after its close and keeps it (BullMQ's Postgres backend names its LISTEN connection
 * then), which the database later cuts with 57P01. `force` closes without waiting for running jobs.
 */
export async function closeWorkers(workers: Worker[], force: (worker: Worker) => boolean = () => false): Promise<void> {
  await Promise.all(
    workers.map(async (worker) => {
      await worker.waitUntilReady().catch(() => undefined);
      await worker.close(force(worker));
    }),
  );
}

const reporter = (settings: QueueSettings, source: string) => (error: Error) => settings.onError?.(source, error);

/** What differs between the backends: how a queue and a worker are made, checked and let go. */
interface Backend {
  name: QueueKit['backend'];
  newQueue(name: QueueName): Queue;
  newWorker(name: QueueName, processor: Processor, options: Partial<WorkerOptions>): Worker;
  ping(queue: (name: QueueName) => Queue): Promise<void>;
  /** After the queues and workers have closed. */
  release?(): void;
}

/** One queue object per name, error reporting on each, and an orderly close: the same on both backends. */
function kitOn(settings: QueueSettings, backend: Backend): QueueKit {
  const queues = new Map<QueueName, Queue>();
  const workers: Worker[] = [];
  const queue = (name: QueueName) => {
    let found = queues.get(name);
    if (!found) {
      found = backend.newQueue(name);
      found.on('error', reporter(settings, `queue ${name}`));
      queues.set(name, found);
    }
    return found;
  };
  return {
    backend: backend.name,
    queue,
    worker(name, processor, options = {}) {
      const worker = backend.newWorker(name, processor, options);
      worker.on('error', reporter(settings, `worker ${name}`));
      workers.push(worker);
      return worker;
    },
    ping: () => backend.ping(queue),
    async close() {
      const closing = (async () => {
        await closeWorkers(workers);
        await Promise.all([...queues.values()].map((q) => q.close()));
      })();
      try {
        await withinMs(settings.closeTimeoutMs ?? DEFAULT_CLOSE_TIMEOUT_MS, closing, 'closing the queues');
      } catch (error) {
        // BullMQ issue #4656: a worker whose connection is reconnecting may never finish closing.
        // Its jobs go back to the queue when their locks expire (jobs are idempotent).
        closing.catch(() => undefined);
        settings.onError?.('queue close', new Error(`${(error as Error).message}; cutting the connections`));
        for (const worker of workers) worker.close(true).catch(() => undefined);
      } finally {
        backend.release?.();
      }
    },
  };
}

function redisKit(settings: QueueSettings, url: string): QueueKit {
  const producer = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
  producer.on('error', reporter(settings, 'redis producer'));
  const workerConnections: Redis[] = [];
  return kitOn(settings, {
    name: 'redis',
    newQueue: (name) => new Queue(name, { connection: producer, prefix: settings.prefix, defaultJobOptions: jobOptions(settings) }),
    newWorker(name, processor, options) {
      const connection = new Redis(url, { maxRetriesPerRequest: null });
      connection.on('error', reporter(settings, `redis worker ${name}`));
      workerConnections.push(connection);
      return new Worker(name, processor, { connection, prefix: settings.prefix, ...workerDefaults(settings), ...options });
    },
    async ping() {
      await producer.ping();
    },
    release() {
      for (const c of workerConnections) c.disconnect();
      producer.disconnect();
    },
  });
}

function postgresKit(settings: QueueSettings): QueueKit {
  const connection = { connectionString: settings.databaseUrl, schema: settings.prefix, migrate: true, max: 4 };
  // The Postgres backend's classes are generic over their backend; the rest of the code sees plain Queue/Worker.
  return kitOn(settings, {
    name: 'postgres',
    newQueue: (name) => new Queue(name, { connection, defaultJobOptions: jobOptions(settings) }, createPostgresBackend) as unknown as Queue,
    newWorker: (name, processor, options) =>
      new Worker(name, processor, { connection, ...workerDefaults(settings), ...(options as object) }, createPostgresBackend) as unknown as Worker,
    async ping(queue) {
      await queue('deadlines').getJobCounts('waiting');
    },
  });
}

/** The queue settings of a process, from its configuration. */
export function queueSettingsFrom(config: Config, databaseUrl: string, log?: { warn(obj: object, msg: string): void }): QueueSettings {
  return {
    onError: log ? throttledErrors(log) : undefined,
    redisUrl: config.REDIS_URL,
    databaseUrl,
    prefix: config.QUEUE_PREFIX,
    stalledIntervalMs: config.STALLED_INTERVAL_MS,
    lockDurationMs: config.JOB_LOCK_MS,
    attempts: config.JOB_ATTEMPTS,
    backoffMs: config.JOB_BACKOFF_MS,
    closeTimeoutMs: config.QUEUE_CLOSE_TIMEOUT_MS,
  };
}

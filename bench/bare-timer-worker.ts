import { createPostgresBackend, Queue, Worker, type Processor } from 'bullmq';
import pg from 'pg';

/**
 * The timers benchmark's baseline: bare BullMQ delayed jobs (no job options) and a worker whose
 * job is one INSERT of a row into a bare table, on Redis or on BullMQ's Postgres backend.
 * Run as a child process (`node bench/bare-timer-worker.ts`), as the service's worker is.
 */
export const BARE_QUEUE = 'bare-timers';

export interface BareSettings {
  redisUrl?: string;
  databaseUrl: string;
  /** Redis key prefix or Postgres schema. */
  prefix: string;
}

/** Connection options rather than a client, so that closing the queue or worker closes its connections. */
const redisOptions = (url: string) => ({ host: new URL(url).hostname, port: Number(new URL(url).port || 6379) });

export function bareQueue(settings: BareSettings): Queue {
  if (settings.redisUrl) return new Queue(BARE_QUEUE, { connection: redisOptions(settings.redisUrl), prefix: settings.prefix });
  const connection = { connectionString: settings.databaseUrl, schema: settings.prefix, migrate: true, max: 4 };
  return new Queue(BARE_QUEUE, { connection }, createPostgresBackend) as unknown as Queue;
}

function bareWorker(settings: BareSettings, processor: Processor, concurrency: number): Worker {
  if (settings.redisUrl) {
    return new Worker(BARE_QUEUE, processor, { connection: { ...redisOptions(settings.redisUrl), maxRetriesPerRequest: null }, prefix: settings.prefix, concurrency });
  }
  const connection = { connectionString: settings.databaseUrl, schema: settings.prefix, migrate: true, max: 4 };
  return new Worker(BARE_QUEUE, processor, { connection, concurrency }, createPostgresBackend) as unknown as Worker;
}

export const BARE_TABLE = `CREATE TABLE IF NOT EXISTS bare_effects (job_id text NOT NULL, due_ms bigint NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now())`;

if (import.meta.main) {
  const settings: BareSettings = {
    redisUrl: process.env.BARE_REDIS_URL || undefined,
    databaseUrl: process.env.DATABASE_URL!,
    prefix: process.env.BARE_PREFIX!,
  };
  // The service's worker runs DEADLINE_CONCURRENCY deadline jobs at once: the baseline as many.
  const concurrency = Number(process.env.BARE_CONCURRENCY ?? 1);
  const pool = new pg.Pool({ connectionString: settings.databaseUrl, max: Math.max(2, concurrency) });
  const worker = bareWorker(
    settings,
    async (job) => {
      await pool.query('INSERT INTO bare_effects (job_id, due_ms) VALUES ($1, $2)', [job.id, job.data.dueAt]);
    },
    concurrency,
  );
  worker.on('error', (error) => console.error(`bare worker: ${error.message}`));
  await worker.waitUntilReady();
  console.log('ready');
  process.once('SIGTERM', async () => {
    await worker.close();
    await pool.end();
    process.exit(0);
  });
}

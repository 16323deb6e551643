import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import pg from 'pg';
import { Redis } from 'ioredis';
import { connectDatabase } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadCalendar } from '../src/calendar-store.ts';
import { UnitDirectory } from '../src/services/unit-directory.ts';
import { createUser } from '../src/services/users.ts';
import type { WorkCalendar } from '../src/time/work-calendar.ts';
import { createQueueKit, QUEUE_NAMES, type QueueKit } from '../workers/queues.ts';
import { freePort } from '../test/support/net.ts';
import { PrivateRedis } from '../test/support/redis.ts';
import { BARE_TABLE, bareQueue } from './bare-timer-worker.ts';
import { createDeadlineFixture, insertPendingItems, jobsOf } from './deadline-fixture.ts';
import { addSummary } from './summary.ts';
import { fmt, freshDatabase, load, percentile, post, startServer } from './support.ts';

type Backend = 'redis' | 'postgres';

export interface TimerBenchOptions {
  adminUrl: string;
  /** The Redis both the service and the baseline use; without it only the Postgres backend runs. */
  redisUrl?: string;
  /** Items with a pending deadline job (100,000 in the issue). */
  items: number;
  /** Of them, the items whose `mark_late` falls due in the window (the rest fall due a month later). */
  dueItems: number;
  /** Deadline jobs the worker runs at once, the service's and the baseline's (DEADLINE_CONCURRENCY). */
  concurrency: number;
  /** The window the deadlines fall due over, at a steady rate. */
  spreadSeconds: number;
  /** Jobs the fixture adds per second, to place the window after the scheduling (default 2,500). */
  addRate: number;
  /** The closed-loop run that finds the API's maximum (s). */
  probeSeconds: number;
  backends: Backend[];
}

// The reminder settings the service runs with by default (config.ts).
const REMINDERS = { staleReminderDays: 2, signoffReminderWorkdays: 1 };
const DAY_MS = 24 * 3600 * 1000;

/** Every deadline falls due after T0 only once its jobs are all in the queue: how long to give the set-up. */
function leadMs(options: TimerBenchOptions): number {
  return 10_000 + Math.ceil((options.items * 1000) / options.addRate);
}

/**
 * A child process (the worker as `npm run worker` starts it, or the baseline's), ready once
 * `ready()` holds or, without it, once it prints "ready".
 */
async function startChild(script: string, env: Record<string, string>, ready?: () => Promise<boolean>) {
  const child = spawn(process.execPath, [script], { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  let printed = false;
  child.stdout.on('data', (chunk: Buffer) => {
    if (chunk.toString().includes('ready')) printed = true;
  });
  const isReady = ready ?? (async () => printed);
  for (let i = 0; i < 1800 && !(await isReady().catch(() => false)); i += 1) await new Promise((r) => setTimeout(r, 100));
  return {
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Commands at a fixed rate on `loops` loops until stopped: each loop sends its next command at its
 * scheduled time (at once when behind), so that the API takes about `rate` commands a second.
 */
function steadyLoad(rate: number, loops: number, command: (loop: number) => Promise<boolean>) {
  let stopped = false;
  let sent = 0;
  let failures = 0;
  const started = performance.now();
  const running = Promise.all(
    Array.from({ length: loops }, async (_, loop) => {
      for (let k = 0; !stopped; k += 1) {
        const at = started + ((k * loops + loop) * 1000) / rate;
        const wait = at - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        if (stopped) break;
        sent += 1;
        if (!(await command(loop).catch(() => false))) failures += 1;
      }
    }),
  );
  return async () => {
    stopped = true;
    await running;
    return { sent, failures, rate: sent / ((performance.now() - started) / 1000) };
  };
}

/** Reviewers' claim/unclaim on items of their own: the API's load while the deadlines fall due. */
async function commandLoad(pool: pg.Pool, db: ReturnType<typeof connectDatabase>['db'], apiUrl: string) {
  const units = await UnitDirectory.load(db);
  const reviewer = await createUser(db, units, { name: 'bench reviewer', role: 'reviewer' });
  const loops = 16;
  const perLoop = 8;
  const items = await insertPendingItems(pool, { items: loops * perLoop, firstDueAt: Date.now() + 30 * DAY_MS, spacingMs: 1_000, tag: 'load' });
  await pool.query(`UPDATE items SET state = 'submitted', snapshot = jsonb_set(snapshot, '{value}', '"submitted"') WHERE external_id LIKE 'load-%'`);
  const headers = { authorization: `Bearer ${reviewer.token}` };
  const counters = new Array<number>(loops).fill(0);
  const command = async (loop: number) => {
    const n = counters[loop]++;
    const item = items[loop + loops * (Math.floor(n / 2) % perLoop)].id;
    return (await post(`${apiUrl}/v1/tasks/${item}/${n % 2 === 0 ? 'claim' : 'unclaim'}`, headers)) === 200;
  };
  return { loops, command };
}

interface Lateness {
  due: number;
  applied: number;
  /** Due jobs still in the queue when the wait ended (late, not lost); due − applied − pending were lost. */
  pending: number;
  duplicates: number;
  p50: number;
  p99: number;
  max: number;
}

function latenessOf(rows: { ms: number | string }[], due: number, duplicates: number, pending: number): Lateness {
  const ms = rows.map((r) => Number(r.ms)).sort((a, b) => a - b);
  return { due, applied: ms.length, pending, duplicates, p50: percentile(ms, 50), p99: percentile(ms, 99), max: ms[ms.length - 1] ?? NaN };
}

/** The API's start can take long on a busy machine: wait for it (startServer gives up waiting after 20 s). */
async function apiAnswers(url: string, timeoutMs = 180_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await fetch(`${url}/healthz`).then((r) => r.ok).catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the API at ${url} did not answer within ${timeoutMs} ms`);
}

/**
 * Deadlines neither applied nor waiting in the queue. The sweeper may apply an overdue item whose
 * job is still queued (that job then does nothing), so applied + queued can exceed the count.
 */
const lost = (l: Lateness) => Math.max(0, l.due - l.applied - l.pending);

/** Polls until `count()` reaches `target` or `timeoutMs` passes; returns the last count. */
async function waitForCount(count: () => Promise<number>, target: number, timeoutMs: number): Promise<number> {
  const end = Date.now() + timeoutMs;
  let n = await count();
  while (n < target && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 500));
    n = await count();
  }
  return n;
}

/**
 * Jobs of the window still queued: everything not yet run, less the jobs not due in the window
 * (`notDue`: the later items' jobs, and the next job each applied deadline scheduled).
 */
async function pendingDue(queue: { getJobCounts(...types: string[]): Promise<Record<string, number>> }, notDue: number): Promise<number> {
  const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
  return Math.max(0, Object.values(counts).reduce((a, b) => a + b, 0) - notDue);
}

/** Removes a run's queues and their keys or rows. */
async function obliterate(kit: QueueKit) {
  for (const name of QUEUE_NAMES) await kit.queue(name).obliterate({ force: true }).catch(() => undefined);
}

interface RunContext {
  options: TimerBenchOptions;
  backend: Backend;
  url: string;
  pool: pg.Pool;
  calendar: WorkCalendar;
  /** Starts the API's command load; returns its stop. */
  startLoad: () => () => Promise<{ sent: number; failures: number; rate: number }>;
}

/** The window: T0 after the set-up, the deadlines at a steady rate until T0 + spread. */
function windowFrom(options: TimerBenchOptions) {
  const firstDueAt = Date.now() + leadMs(options);
  return { firstDueAt, spacingMs: (options.spreadSeconds * 1000) / options.dueItems, endAt: firstDueAt + options.spreadSeconds * 1000, laterAt: firstDueAt + 30 * DAY_MS };
}

/** The service: its worker process as in production, the deadlines from the fixture. */
async function runService(ctx: RunContext) {
  const { options, backend, url, pool } = ctx;
  const prefix = `nmgbt${process.pid}${backend[0]}`;
  const redisUrl = backend === 'redis' ? options.redisUrl! : '';
  const kit = createQueueKit({ redisUrl: redisUrl || undefined, databaseUrl: url, prefix });
  const port = await freePort();
  const worker = await startChild(
    'workers/main.ts',
    { DATABASE_URL: url, REDIS_URL: redisUrl, QUEUE_PREFIX: prefix, WORKER_PORT: String(port), HOST: '127.0.0.1', DEADLINE_CONCURRENCY: String(options.concurrency) },
    async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok,
  );
  const window = windowFrom(options);
  const later = options.items - options.dueItems;
  const settings = { ...REMINDERS, calendar: ctx.calendar };
  const laterJobs = later > 0 ? (await createDeadlineFixture(pool, kit, { items: later, firstDueAt: window.laterAt, spacingMs: 1_000, tag: 'later' }, settings)).jobs : 0;
  const fixture = await createDeadlineFixture(pool, kit, { items: options.dueItems, firstDueAt: window.firstDueAt, spacingMs: window.spacingMs, tag: 'timers' }, settings);
  const slackMs = window.firstDueAt - fixture.scheduledAt;
  const stopLoad = ctx.startLoad();
  const marks = async () => Number((await pool.query(`SELECT count(*) FROM item_history WHERE action = 'mark_late'`)).rows[0].count);
  await new Promise((r) => setTimeout(r, Math.max(0, window.endAt - Date.now())));
  await waitForCount(marks, options.dueItems, Math.max(60_000, options.spreadSeconds * 1000));
  const loadFigures = await stopLoad();
  await worker.stop();
  const pending = await pendingDue(kit.queue('deadlines'), laterJobs + (await marks()));
  const { rows } = await pool.query(`
    SELECT extract(epoch FROM o.created_at - i.due_at) * 1000 AS ms
    FROM items i JOIN item_history h ON h.item_id = i.id AND h.action = 'mark_late'
    JOIN outbox o ON o.item_id = i.id AND o.history_seq = h.seq AND o.topic = 'notify'
    WHERE i.external_id LIKE 'timers-%'`);
  const duplicates = Number(
    (await pool.query(`SELECT coalesce(sum(n - 1), 0) AS d FROM (SELECT count(*) AS n FROM item_history WHERE action = 'mark_late' GROUP BY item_id) AS c`)).rows[0].d,
  );
  const failed = (await kit.queue('deadlines').getJobCounts('failed')).failed;
  await obliterate(kit);
  await kit.close();
  return { lateness: latenessOf(rows, options.dueItems, duplicates, pending), jobs: fixture.jobs + laterJobs, slackMs, load: loadFigures, failed };
}

/** The baseline: the same count and spread of bare delayed jobs, a worker doing one INSERT each. */
async function runBaseline(ctx: RunContext) {
  const { options, backend, url, pool } = ctx;
  const prefix = `nmgbb${process.pid}${backend[0]}`;
  const redisUrl = backend === 'redis' ? options.redisUrl! : '';
  await pool.query(BARE_TABLE);
  await pool.query('TRUNCATE bare_effects');
  const queue = bareQueue({ redisUrl: redisUrl || undefined, databaseUrl: url, prefix });
  const worker = await startChild('bench/bare-timer-worker.ts', { DATABASE_URL: url, BARE_REDIS_URL: redisUrl, BARE_PREFIX: prefix, BARE_CONCURRENCY: String(options.concurrency) });
  const window = windowFrom(options);
  // As many jobs as the service's: one per item, the later items' a month on.
  let added = 0;
  for (let start = 0; start < options.items; start += 500) {
    const now = Date.now();
    const batch = [];
    for (let i = start; i < Math.min(options.items, start + 500); i += 1) {
      const dueAt = i < options.dueItems ? Math.round(window.firstDueAt + i * window.spacingMs) : window.laterAt + i * 1_000;
      batch.push({ name: 'due', data: { dueAt }, opts: { jobId: `due-${i}`, delay: dueAt + 1 - now } });
    }
    await queue.addBulk(batch);
    added += batch.length;
  }
  const slackMs = window.firstDueAt - Date.now();
  const stopLoad = ctx.startLoad();
  const effects = async () => Number((await pool.query('SELECT count(*) FROM bare_effects')).rows[0].count);
  await new Promise((r) => setTimeout(r, Math.max(0, window.endAt - Date.now())));
  await waitForCount(effects, options.dueItems, Math.max(60_000, options.spreadSeconds * 1000));
  const loadFigures = await stopLoad();
  await worker.stop();
  const pending = await pendingDue(queue, options.items - options.dueItems);
  const { rows } = await pool.query(`SELECT extract(epoch FROM recorded_at) * 1000 - due_ms AS ms FROM bare_effects`);
  const duplicates = Number((await pool.query(`SELECT count(*) - count(DISTINCT job_id) AS d FROM bare_effects`)).rows[0].d);
  await queue.obliterate({ force: true }).catch(() => undefined);
  await queue.close();
  return { lateness: latenessOf(rows, options.dueItems, duplicates, pending), jobs: added, slackMs, load: loadFigures, failed: 0 };
}

type RunResult = Awaited<ReturnType<typeof runService>>;

function printRun(label: string, run: RunResult) {
  const l = run.lateness;
  console.log(
    `  ${label.padEnd(28)}${fmt(l.p50)} ${fmt(l.p99)} ${fmt(l.max)} ${String(l.applied).padStart(9)}/${l.due} ${String(l.pending).padStart(7)} ${String(lost(l)).padStart(5)} ${String(l.duplicates).padStart(5)} ${String(run.failed).padStart(6)}` +
      `   (slack before T0 ${(run.slackMs / 1000).toFixed(1)} s; API ${run.load.rate.toFixed(0)} cmd/s, ${run.load.failures} failed)`,
  );
}

/**
 * Deadline timers at scale: `items` items with a pending deadline, `dueItems` of them with their
 * `mark_late` falling due at a steady rate over `spreadSeconds` (each then schedules its next
 * deadline, as in production), the worker process running as in production, the API taking reviewers' commands
 * at half its measured maximum. Lateness: the effect's time in Postgres (the `now()` of the
 * statement that wrote the history row and its outbox row) minus the deadline. Baseline: bare
 * BullMQ delayed jobs of the same count and spread with a worker doing one INSERT, same backend.
 */
export async function benchTimers(options: TimerBenchOptions) {
  const results: { backend: Backend; service: RunResult; baseline: RunResult; maxRate: number }[] = [];
  for (const backend of options.backends) {
    if (backend === 'redis' && !options.redisUrl) continue;
    const url = await freshDatabase(options.adminUrl, 'nmg_bench_timers');
    const handle = connectDatabase(url, 4);
    await migrateToLatest(handle.db);
    const calendar = await loadCalendar(handle.db);
    const server = await startServer(url, { REDIS_URL: backend === 'redis' ? options.redisUrl! : '', QUEUE_PREFIX: `nmgbt${process.pid}${backend[0]}`, DB_POOL_SIZE: '6' });
    try {
      await apiAnswers(server.url);
      const { loops, command } = await commandLoad(handle.pool, handle.db, server.url);
      await load(loops, 2, command); // warm-up
      const probe = await load(loops, options.probeSeconds, command);
      const rate = probe.rate / 2;
      const ctx: RunContext = { options, backend, url, pool: handle.pool, calendar, startLoad: () => steadyLoad(rate, loops, command) };
      const baseline = await runBaseline(ctx);
      const service = await runService(ctx);
      results.push({ backend, service, baseline, maxRate: probe.rate });
      report(backend, service, baseline, probe.rate, options);
    } finally {
      await server.stop();
      await handle.close();
    }
  }
  return results;
}

/** Prints one backend's figures as soon as they are in (a full run takes long) and adds them to the summary. */
function report(backend: Backend, service: RunResult, baseline: RunResult, maxRate: number, options: TimerBenchOptions) {
  const rate = options.dueItems / options.spreadSeconds;
  console.log(
    `\nTimers, ${backend} backend (${options.items} items pending, ${service.lateness.due} falling due at ${rate.toFixed(0)}/s; ` +
      `${options.concurrency} at once; API at half its maximum of ${maxRate.toFixed(0)} cmd/s)`,
  );
  console.log('  lateness, ms                  p50       p99       max   applied/due pending  lost  dupl  failed');
  printRun('baseline: bare BullMQ', baseline);
  printRun('service: mark_late', service);
  const exact = service.lateness.applied === service.lateness.due && service.lateness.duplicates === 0;
  const target = backend === 'redis' ? '≤ baseline + 50 ms and < 250 ms' : 'reported (no target)';
  const holds = backend === 'redis' ? service.lateness.p99 <= baseline.lateness.p99 + 50 && service.lateness.p99 < 250 : null;
  addSummary(
    { figure: `timers, ${backend}: lateness p99 at ${rate.toFixed(0)}/s`, value: `${service.lateness.p99.toFixed(0)} ms`, baseline: `${baseline.lateness.p99.toFixed(0)} ms`, target, holds },
    {
      figure: `timers, ${backend}: deadlines applied`,
      value: `${service.lateness.applied}/${service.lateness.due}, ${service.lateness.pending} queued, ${lost(service.lateness)} lost, ${service.lateness.duplicates} twice`,
      baseline: `${baseline.lateness.applied}/${baseline.lateness.due}, ${baseline.lateness.pending} queued, ${lost(baseline.lateness)} lost`,
      target: 'every one exactly once',
      holds: exact,
    },
  );
}

export interface MemoryBenchOptions {
  adminUrl: string;
  items: number;
}

async function usedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)?.[1]);
}

async function queueTablesBytes(pool: pg.Pool, schema: string): Promise<number> {
  const { rows } = await pool.query(
    `SELECT coalesce(sum(pg_total_relation_size(format('%I.%I', schemaname, tablename))), 0) AS bytes FROM pg_tables WHERE schemaname = $1`,
    [schema],
  );
  return Number(rows[0].bytes);
}

/** Bytes of one job's keys in Redis, as a sample: what dominates the figure. */
async function sampleJob(redis: Redis, prefix: string) {
  let jobKey: string | undefined;
  for (let cursor = '0'; !jobKey; ) {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:deadlines:*-*`, 'COUNT', 1000); // job ids hold a dash, the queue's own keys none
    jobKey = keys[0];
    if (next === '0') break;
    cursor = next;
  }
  if (!jobKey) return null;
  const fields = await redis.hgetall(jobKey);
  const usage = Number(await redis.call('MEMORY', 'USAGE', jobKey));
  return { usage, fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.length])), opts: fields.opts };
}

/**
 * The `hash-max-listpack-value` docker-compose.yml runs Redis with: what a deployment measures.
 * Redis keeps a hash compact (listpack) only while every value is at most this long (64 bytes by
 * default), and a job's `opts` (its id, delay, attempts and backoff) and `data` are longer.
 */
function shippedListpackValue(): string {
  const compose = readFileSync(new URL('../docker-compose.yml', import.meta.url), 'utf8');
  const value = /--hash-max-listpack-value["',\s]+(\d+)/.exec(compose)?.[1];
  if (!value) throw new Error('docker-compose.yml runs Redis without --hash-max-listpack-value');
  return value;
}

/**
 * Memory per timer: `items` pending items with their deadline job, Redis `used_memory` before
 * and after scheduling (on a redis-server of our own, so that nothing else is in it), and the
 * Postgres backend's queue tables the same way. Baseline: the same jobs (ids, payloads, delays)
 * added as bare BullMQ jobs without options. On Redis as docker-compose.yml runs it (the target's
 * figure) and on Redis's defaults.
 */
export async function benchMemory(options: MemoryBenchOptions) {
  const url = await freshDatabase(options.adminUrl, 'nmg_bench_timer_memory');
  const handle = connectDatabase(url, 4);
  await migrateToLatest(handle.db);
  const calendar = await loadCalendar(handle.db);
  const fixture = { items: options.items, firstDueAt: Date.now() + DAY_MS, spacingMs: 100 };
  const redisServer = new PrivateRedis();
  await redisServer.start();
  const redis = new Redis(redisServer.url);
  const shipped = shippedListpackValue();
  const perItem: Record<string, number> = {};
  let sample: Awaited<ReturnType<typeof sampleJob>> = null;
  let pendingItems: Awaited<ReturnType<typeof createDeadlineFixture>>['items'] = [];
  const enteredAt = Date.now() - 3_600_000;
  // Printed as each comes in: a full-scale run on a busy machine takes long.
  const record = (variant: string, added: number) => {
    perItem[variant] = added / options.items;
    console.log(`  (memory, ${variant}: ${perItem[variant].toFixed(0)} B per item)`);
  };
  const variants = [
    { name: 'defaults', jobs: 'service', listpack: '64' },
    { name: 'bareDefaults', jobs: 'bare', listpack: '64' },
    { name: 'shipped', jobs: 'service', listpack: shipped },
    { name: 'bareShipped', jobs: 'bare', listpack: shipped },
    { name: 'postgres', jobs: 'service', listpack: null },
  ] as const;
  try {
    for (const variant of variants) {
      const onRedis = variant.listpack !== null;
      if (onRedis) {
        await redisServer.flushAll(); // our own server: nothing else is in it
        await redis.config('SET', 'hash-max-listpack-value', variant.listpack);
      }
      const prefix = onRedis ? 'nmg' : 'nmg_queue';
      const measure = () => (onRedis ? usedMemory(redis) : queueTablesBytes(handle.pool, prefix));
      if (variant.jobs === 'bare') {
        const queue = bareQueue({ redisUrl: redisServer.url, databaseUrl: url, prefix });
        await queue.waitUntilReady();
        const before = await measure();
        const jobs = jobsOf(pendingItems, { ...REMINDERS, calendar, enteredAt });
        for (let start = 0; start < jobs.length; start += 500) {
          const now = Date.now();
          await queue.addBulk(jobs.slice(start, start + 500).map((job) => ({ name: job.data.event, data: job.data, opts: { jobId: job.jobId, delay: Math.max(0, job.runAt - now) } })));
        }
        record(variant.name, (await measure()) - before);
        await queue.close();
        continue;
      }
      const kit = createQueueKit({ redisUrl: onRedis ? redisServer.url : undefined, databaseUrl: url, prefix });
      // The connection and, on Postgres, the queue tables exist before the first reading.
      await kit.queue('deadlines').waitUntilReady();
      await kit.queue('deadlines').getJobCounts('delayed');
      if (!onRedis) await handle.pool.query('VACUUM ANALYZE');
      const before = await measure();
      const made = await createDeadlineFixture(handle.pool, kit, { ...fixture, enteredAt, tag: `memory-${variant.name}` }, { ...REMINDERS, calendar });
      if (!onRedis) await handle.pool.query('VACUUM ANALYZE');
      record(variant.name, (await measure()) - before);
      if (onRedis) {
        sample ??= await sampleJob(redis, prefix);
        pendingItems = made.items;
      }
      await kit.close();
    }
  } finally {
    redis.disconnect();
    await redisServer.stop();
    await handle.close();
  }
  const bytes = (n: number) => `${n.toFixed(0)} B per item`;
  console.log(`\nMemory per pending item (${options.items} items, one pending deadline job each)`);
  console.log(`  Redis as docker-compose.yml runs it (hash-max-listpack-value ${shipped}):`);
  console.log(`    baseline: bare BullMQ jobs, same ids and data, no options   ${bytes(perItem.bareShipped)}`);
  console.log(`    service, used_memory                                        ${bytes(perItem.shipped)}`);
  console.log(`  Redis's defaults (hash-max-listpack-value 64):`);
  console.log(`    baseline: bare BullMQ jobs                                  ${bytes(perItem.bareDefaults)}`);
  console.log(`    service, used_memory                                        ${bytes(perItem.defaults)}`);
  console.log(`  service, Postgres backend's queue tables                      ${bytes(perItem.postgres)}`);
  if (sample) console.log(`  one deadline job's hash (Redis defaults): ${sample.usage} B (MEMORY USAGE); field lengths ${JSON.stringify(sample.fields)}; opts ${sample.opts}`);
  addSummary(
    {
      figure: 'memory: Redis per pending item',
      value: `${perItem.shipped.toFixed(0)} B`,
      baseline: `${perItem.bareShipped.toFixed(0)} B (bare BullMQ)`,
      target: '≤ 1 KiB',
      holds: perItem.shipped <= 1024,
    },
    {
      figure: "memory: the same on Redis's defaults",
      value: `${perItem.defaults.toFixed(0)} B`,
      baseline: `${perItem.bareDefaults.toFixed(0)} B (bare BullMQ)`,
      target: 'reported',
      holds: null,
    },
    { figure: 'memory: Postgres queue per item', value: `${perItem.postgres.toFixed(0)} B`, baseline: '—', target: 'reported', holds: null },
  );
  return perItem;
}

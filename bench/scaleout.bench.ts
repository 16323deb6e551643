import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type pg from 'pg';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connectDatabase } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadCalendar } from '../src/calendar-store.ts';
import { UnitDirectory } from '../src/services/unit-directory.ts';
import { createUser } from '../src/services/users.ts';
import { shanghaiDate } from '../src/time/shanghai.ts';
import { createQueueKit, QUEUE_NAMES } from '../workers/queues.ts';
import { FIVE_GATES } from '../test/support/gates.ts';
import { multipart, png } from '../test/support/images.ts';
import { freePort } from '../test/support/net.ts';
import { PrivateRedis } from '../test/support/redis.ts';
import { allExactlyOnce, countExactlyOnce, deadlinesOnce } from './scaleout-checks.ts';
import { insertTimerItems } from './deadline-fixture.ts';
import { addSummary } from './summary.ts';
import { fmt, freshDatabase, percentile, send, startProcess, type ServiceProcess } from './support.ts';

export interface ScaleoutBenchOptions {
  adminUrl: string;
  /** Seconds of commands load; the timer items' deadlines fall due within it. */
  seconds: number;
  /** Concurrent lifecycles (create → adopt), spread over both API processes. */
  concurrency: number;
  /** Items waiting for sign-off whose reminder, late flag and expiry fall due during the load. */
  timerItems: number;
  /** Each process's database pool. */
  poolSize: number;
  queue: 'redis' | 'postgres';
  /** SIGKILL one worker process half-way through the load, and start a new one after it. */
  killWorker: boolean;
}

/**
 * Deadline work at a pace that shows races in seconds rather than minutes; a dead worker's job is
 * back within 5 s. The sweep stays longer than the relays need for the timer items' burst of rows:
 * the reconciler finishes a notice row not done after one sweep itself, and the sign-off reminder
 * the relay would have scheduled with it is then left to the sweeper.
 */
const WORKER_TIMINGS = { OUTBOX_POLL_MS: '200', SWEEP_INTERVAL_MS: '10000', JOB_LOCK_MS: '5000', STALLED_INTERVAL_MS: '2000' };
const UNITS_IN_LOAD = 4;
const REVIEWERS = 3;
const DRAIN_LIMIT_MS = 600_000;

interface Sample {
  at: number;
  cpuSeconds: number;
  /** Completed jobs per queue (the worker's job_duration_seconds_count). */
  completed: Record<string, number>;
  failedAttempts: number;
  /** Deadline jobs: mean wait from due to start, and mean run (ms). */
  deadlineWaitMs: number;
  deadlineRunMs: number;
}

/** One process's /metrics, read every second; the last reading survives the process's death. */
class MetricsWatch {
  readonly name: string;
  readonly url: string;
  first: Sample | null = null;
  last: Sample | null = null;

  constructor(name: string, url: string) {
    this.name = name;
    this.url = url;
  }

  async read(): Promise<Sample | null> {
    try {
      const text = await (await fetch(this.url, { signal: AbortSignal.timeout(5_000) })).text();
      const completed: Record<string, number> = {};
      for (const [, queue, count] of text.matchAll(/^job_duration_seconds_count\{queue="(\w+)",outcome="completed"\} (\S+)$/gm)) {
        completed[queue] = Number(count);
      }
      const failedAttempts = [...text.matchAll(/^job_failures_total\{[^}]*\} (\S+)$/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
      const number = (pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? NaN);
      const sample = {
        at: Date.now(),
        cpuSeconds: number(/^process_cpu_seconds_total (\S+)$/m),
        completed,
        failedAttempts,
        deadlineWaitMs: (number(/^job_latency_seconds_sum\{queue="deadlines"\} (\S+)$/m) * 1000) / number(/^job_latency_seconds_count\{queue="deadlines"\} (\S+)$/m),
        deadlineRunMs:
          (number(/^job_duration_seconds_sum\{queue="deadlines",outcome="completed"\} (\S+)$/m) * 1000) / (completed.deadlines ?? NaN),
      };
      this.first ??= sample;
      this.last = sample;
      return sample;
    } catch {
      return null; // not yet up, or killed
    }
  }

  jobs(): number {
    return Object.values(this.last?.completed ?? {}).reduce((a, b) => a + b, 0);
  }

  seconds(): number {
    return this.first && this.last ? (this.last.at - this.first.at) / 1000 : NaN;
  }

  cpuSeconds(): number {
    return this.first && this.last ? this.last.cpuSeconds - this.first.cpuSeconds : NaN;
  }
}

/**
 * CPU seconds of the Postgres backends serving the database (this machine's server only: read from
 * /proc, user + system time), so that a command's cost in the database can be set beside the API's.
 */
async function postgresCpu(pool: pg.Pool): Promise<Map<number, number>> {
  const { rows } = await pool.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database()');
  const cpu = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      // Fields after the command name (which is in parentheses): utime and stime are the 12th and 13th.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      cpu.set(pid, (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      // another machine's server, or the backend has gone
    }
  }
  return cpu;
}

const cpuSince = (before: Map<number, number>, after: Map<number, number>) =>
  [...after].reduce((sum, [pid, seconds]) => sum + seconds - (before.get(pid) ?? 0), 0);

interface ApiProcess {
  name: string;
  url: string;
  process: ServiceProcess;
  metrics: MetricsWatch;
  ok: number;
  failed: number;
}

interface WorkerProcess {
  name: string;
  process: ServiceProcess;
  metrics: MetricsWatch;
}

/**
 * Two API processes and two worker processes on one Postgres database and one Redis of their own,
 * under a commands load spread over both APIs (items taken from creation to adoption, earning
 * scores) and a timers load at once (items whose deadlines fall due during the run). Then the
 * workers drain and Postgres is counted: every score, deadline effect and notice exactly once.
 */
export async function benchScaleout(options: ScaleoutBenchOptions) {
  const url = await freshDatabase(options.adminUrl, 'nmg_bench_scaleout');
  const handle = connectDatabase(url, 4);
  await migrateToLatest(handle.db);
  const units = await UnitDirectory.load(handle.db);
  const calendar = await loadCalendar(handle.db);
  const loadUnits = await Promise.all(
    units.list.slice(0, UNITS_IN_LOAD).map(async (unit) => {
      const editor = await createUser(handle.db, units, { name: `${unit.name}编辑`, role: 'editor', unitCode: unit.code });
      const approver = await createUser(handle.db, units, { name: `${unit.name}审签人`, role: 'approver', unitCode: unit.code });
      return { ...unit, editor, approver };
    }),
  );
  const reviewers = await Promise.all(
    Array.from({ length: REVIEWERS }, (_, i) => createUser(handle.db, units, { name: `自治区编辑${i + 1}`, role: 'reviewer' })),
  );

  const redis = options.queue === 'redis' ? new PrivateRedis() : null;
  await redis?.start();
  const uploads = mkdtempSync(path.join(tmpdir(), 'nmg-bench-scaleout-'));
  const prefix = 'scaleout';
  const env = {
    DATABASE_URL: url,
    REDIS_URL: redis?.url ?? '',
    QUEUE_PREFIX: prefix,
    UPLOAD_DIR: uploads,
    HOST: '127.0.0.1',
    TOKEN_CACHE_MS: '60000',
    DB_POOL_SIZE: String(options.poolSize),
    ...WORKER_TIMINGS,
  };
  const startApi = async (name: string): Promise<ApiProcess> => {
    const base = `http://127.0.0.1:${await freePort()}`;
    const process = await startProcess('src/server.ts', { ...env, PORT: base.split(':').at(-1)! }, `${base}/healthz`);
    return { name, url: base, process, metrics: new MetricsWatch(name, `${base}/metrics`), ok: 0, failed: 0 };
  };
  const startWorker = async (name: string): Promise<WorkerProcess> => {
    const port = await freePort();
    const process = await startProcess('workers/main.ts', { ...env, WORKER_PORT: String(port) }, `http://127.0.0.1:${port}/healthz`);
    const metrics = new MetricsWatch(name, `http://127.0.0.1:${port}/metrics`);
    await metrics.read();
    return { name, process, metrics };
  };
  const apis: ApiProcess[] = [];
  const workers: WorkerProcess[] = [];
  const kit = createQueueKit({ redisUrl: redis?.url, databaseUrl: url, prefix });
  const poll = setInterval(() => void Promise.all(workers.map((w) => w.metrics.read())), 1_000);

  try {
    await startAll(apis, [startApi('api-1'), startApi('api-2')]);
    await startAll(workers, [startWorker('worker-1'), startWorker('worker-2')]);
    // The timers load: deadlines from 2 s into the load until 2 s before its end. The fixture's
    // outbox rows arrive all at once (items made through the API arrive one by one, days ahead):
    // the relays schedule their jobs before the load starts.
    const insertedAt = Date.now();
    const firstAt = insertedAt + 5_000 + 50 * options.timerItems;
    const windowMs = Math.max(4_000, options.seconds * 1000 - 4_000);
    await insertTimerItems(handle.pool, {
      count: options.timerItems,
      units: loadUnits.map((u) => ({ code: u.code, name: u.name, author: { id: u.editor.id, name: u.editor.name, role: 'editor' as const } })),
      firstAt,
      windowMs,
      calendar,
    });
    while (Date.now() < firstAt - 2_000) {
      const { rows } = await handle.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox WHERE dispatched_at IS NULL');
      if (rows[0].n === 0) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const fixtureDispatchSeconds = (Date.now() - insertedAt) / 1000;
    await new Promise((r) => setTimeout(r, Math.max(0, firstAt - 2_000 - Date.now())));
    await Promise.all(apis.map((api) => api.metrics.read()));
    const postgresBefore = await postgresCpu(handle.pool);
    const jobsBefore = await jobsDone(workers);

    const killing = options.killWorker ? killAndReplace(workers, startWorker, options.seconds * 500) : Promise.resolve(null);
    const lifecycles = await commandsLoad(apis, loadUnits, reviewers, options);
    await Promise.all(apis.map((api) => api.metrics.read()));
    const postgresLoadCpu = cpuSince(postgresBefore, await postgresCpu(handle.pool));
    const loadJobs = (await jobsDone(workers)) - jobsBefore;
    const killedAt = await killing;

    // Drain: every outbox row done, every timer item expired, nothing waiting or running; then two
    // more sweeps, so that a late duplicate would have time to show.
    const drainStart = Date.now();
    let drained = false;
    while (Date.now() - drainStart < DRAIN_LIMIT_MS) {
      const { rows } = await handle.pool.query<{ undone: number; waiting: number }>(`
        SELECT (SELECT count(*) FROM outbox WHERE done_at IS NULL)::int AS undone,
               (SELECT count(*) FROM items WHERE external_id LIKE 'timer-%' AND state <> 'expired')::int AS waiting`);
      const counts = await Promise.all(QUEUE_NAMES.map((q) => kit.queue(q).getJobCounts('waiting', 'active', 'prioritized')));
      const queued = counts.reduce((sum, c) => sum + Object.values(c).reduce((a, b) => a + b, 0), 0);
      if (rows[0].undone === 0 && rows[0].waiting === 0 && queued === 0) {
        drained = true;
        break;
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    const drainSeconds = (Date.now() - drainStart) / 1000;
    await new Promise((r) => setTimeout(r, 2 * Number(WORKER_TIMINGS.SWEEP_INTERVAL_MS)));
    await Promise.all(workers.map((w) => w.metrics.read()));
    const counted = await countExactlyOnce(handle.pool, calendar, 1);
    report({ options, apis, workers, lifecycles, counted, drained, drainSeconds, killedAt, postgresLoadCpu, loadJobs, fixtureDispatchSeconds });
    return { counted, drained };
  } finally {
    clearInterval(poll);
    await kit.close();
    await Promise.all([...apis, ...workers].map((p) => p.process.stop()));
    await redis?.stop();
    await handle.close();
    rmSync(uploads, { recursive: true, force: true });
  }
}

/** Starts processes side by side; keeps those that started (to be stopped) even when another fails. */
async function startAll<T>(started: T[], starting: Promise<T>[]): Promise<void> {
  const results = await Promise.allSettled(starting);
  for (const result of results) if (result.status === 'fulfilled') started.push(result.value);
  const failure = results.find((result) => result.status === 'rejected');
  if (failure) throw failure.reason;
}

/** Jobs completed by all worker processes so far (a dead one's last reading counts). */
async function jobsDone(workers: WorkerProcess[]): Promise<number> {
  await Promise.all(workers.map((w) => w.metrics.read()));
  return workers.reduce((sum, w) => sum + w.metrics.jobs(), 0);
}

/** Half-way through, one worker dies with SIGKILL; a new one starts two seconds later, as a supervisor would. */
async function killAndReplace(workers: WorkerProcess[], start: (name: string) => Promise<WorkerProcess>, afterMs: number) {
  await new Promise((r) => setTimeout(r, afterMs));
  const victim = workers[1];
  await victim.metrics.read();
  await victim.process.kill();
  const at = afterMs / 1000;
  victim.name = `${victim.name} (SIGKILL at ${at.toFixed(0)} s)`;
  await new Promise((r) => setTimeout(r, 2_000));
  workers.push(await start('worker-3 (its replacement)'));
  return at;
}

type Person = Awaited<ReturnType<typeof createUser>>;
interface LoadUnit {
  code: string;
  name: string;
  editor: Person;
  approver: Person;
}

/**
 * `concurrency` loops, each taking items through create → photo → request_signoff → sign_off
 * (five gates) → claim → adopt, every step on the other API process than the one before.
 */
async function commandsLoad(apis: ApiProcess[], units: LoadUnit[], reviewers: Person[], options: ScaleoutBenchOptions) {
  const form = multipart(png(1024, 768), 'photo.png', { caption: '活动现场' });
  const eventDate = shanghaiDate(Date.now());
  const end = Date.now() + options.seconds * 1000;
  let completed = 0;
  const errors: string[] = [];
  /** Milliseconds per step, from the client: what one person's click waits for. */
  const latencies = new Map<string, number[]>();
  const json = (token: string | null) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });
  await Promise.all(
    Array.from({ length: options.concurrency }, async (_, loop) => {
      for (let n = 0; Date.now() < end; n += 1) {
        const unit = units[(loop + n) % units.length];
        const reviewer = reviewers[loop % reviewers.length];
        let step = 0;
        const call = async (name: string, pathname: string, headers: Record<string, string>, body: string | Buffer, expected: number) => {
          const api = apis[(loop + n + step++) % apis.length];
          const started = performance.now();
          const answer = await send(`${api.url}${pathname}`, headers, body).catch((error: Error) => ({ status: 0, text: error.message }));
          if (!latencies.has(name)) latencies.set(name, []);
          latencies.get(name)!.push(performance.now() - started);
          if (answer.status === expected) {
            api.ok += 1;
            return answer.text;
          }
          api.failed += 1;
          if (errors.length < 5) errors.push(`${api.name} ${pathname}: ${answer.status} ${answer.text.slice(0, 200)}`);
          return null;
        };
        const act = (id: string, token: string | null, body: { action: string } & Record<string, unknown>) =>
          call(body.action, `/v1/submissions/${id}/actions`, json(token), JSON.stringify(body), 200);
        const created = await call(
          'create',
          '/v1/submissions',
          json(unit.editor.token),
          JSON.stringify({ title: `${unit.name}计生协开展优生优育进家庭活动`, body: `活动内容。（${unit.name}计生协 张三 供稿）`, eventDate }),
          201,
        );
        if (!created) continue;
        const id = (JSON.parse(created) as { id: string }).id;
        const done =
          (await call('photo', `/v1/submissions/${id}/images`, { authorization: `Bearer ${unit.editor.token}`, ...form.headers }, form.payload, 201)) &&
          (await act(id, unit.editor.token, { action: 'request_signoff' })) &&
          (await act(id, unit.approver.token, { action: 'sign_off', signer: unit.approver.name, gates: FIVE_GATES })) &&
          (await call('claim', `/v1/tasks/${id}/claim`, { authorization: `Bearer ${reviewer.token}` }, '', 200)) &&
          (await act(id, reviewer.token, { action: 'adopt' }));
        if (done) completed += 1;
      }
    }),
  );
  for (const error of errors) console.log(`  refused: ${error}`);
  const steps = [...latencies].map(([name, ms]) => {
    ms.sort((a, b) => a - b);
    return { name, p50: percentile(ms, 50), p99: percentile(ms, 99) };
  });
  return { completed, steps };
}

function report(r: {
  options: ScaleoutBenchOptions;
  apis: ApiProcess[];
  workers: WorkerProcess[];
  lifecycles: Awaited<ReturnType<typeof commandsLoad>>;
  counted: Awaited<ReturnType<typeof countExactlyOnce>>;
  drained: boolean;
  drainSeconds: number;
  killedAt: number | null;
  /** CPU seconds Postgres spent for this database during the load (commands and the jobs run meanwhile). */
  postgresLoadCpu: number;
  /** Jobs the workers completed during the load. */
  loadJobs: number;
  /** How long the relays took to schedule the timer items' jobs (capped by the first deadline). */
  fixtureDispatchSeconds: number;
}) {
  const { options, apis, workers, counted: c } = r;
  const commands = apis.reduce((sum, api) => sum + api.ok, 0);
  const apiCpu = apis.reduce((sum, api) => sum + api.metrics.cpuSeconds(), 0);
  const jobs = workers.reduce((sum, w) => sum + w.metrics.jobs(), 0);
  const workerCpu = workers.reduce((sum, w) => sum + w.metrics.cpuSeconds(), 0);
  console.log(
    `\nScale-out (2 API + 2 worker processes, ${options.queue} queue; ${options.concurrency} lifecycles at once for ${options.seconds} s; ` +
      `${options.timerItems} timer items, 3 deadlines each)`,
  );
  console.log('  process                                  commands   per second  failures  CPU ms each');
  for (const api of apis) {
    const perSecond = api.ok / options.seconds;
    console.log(`  ${api.name.padEnd(38)} ${String(api.ok).padStart(9)} ${fmt(perSecond)}    ${String(api.failed).padStart(6)}  ${fmt((api.metrics.cpuSeconds() * 1000) / api.ok, 2)}`);
  }
  console.log(`  lifecycles completed (create → adopt): ${r.lifecycles.completed}`);
  console.log(`  latency per step, ms (p50 / p99): ${r.lifecycles.steps.map((s) => `${s.name} ${s.p50.toFixed(0)} / ${s.p99.toFixed(0)}`).join(', ')}`);
  console.log('  process                                      jobs   per second  failed attempts  CPU ms each   deadline jobs: wait / run ms');
  for (const w of workers) {
    const n = w.metrics.jobs();
    const perQueue = Object.entries(w.metrics.last?.completed ?? {}).map(([q, k]) => `${q} ${k}`).join(', ');
    console.log(
      `  ${w.name.padEnd(38)} ${String(n).padStart(9)} ${fmt(n / w.metrics.seconds())}  ${String(w.metrics.last?.failedAttempts ?? 0).padStart(14)}  ${fmt((w.metrics.cpuSeconds() * 1000) / n, 2)}  ${fmt(w.metrics.last?.deadlineWaitMs ?? NaN, 0)} / ${(w.metrics.last?.deadlineRunMs ?? NaN).toFixed(0)}   (${perQueue})`,
    );
  }
  console.log(`  timer items' outbox rows dispatched by the relays in ${r.fixtureDispatchSeconds.toFixed(1)} s (before the load)`);
  console.log(`  drained ${r.drained ? 'in' : 'NOT within'} ${r.drainSeconds.toFixed(1)} s after the load`);
  console.log(`  score ledger: ${c.ledger.recorded} entries for ${c.ledger.expected} earning steps in the history (missing ${c.ledger.missing}, extra ${c.ledger.extra})`);
  console.log(
    `  deadline effects: ${c.deadlines.applied} for ${c.deadlines.expected} due on ${c.deadlines.items} items (missing ${c.deadlines.missing}, ` +
      `twice ${c.deadlines.doubled}, on other items ${c.deadlines.unexpected}); lateness p50 ${c.deadlines.latenessMs.p50} ms, ` +
      `p99 ${c.deadlines.latenessMs.p99} ms, max ${c.deadlines.latenessMs.max} ms`,
  );
  console.log(`  outbox: ${c.outbox.rows - c.outbox.notDone} of ${c.outbox.rows} rows done`);
  console.log(`  notices: ${c.notifications.stored} for ${c.notifications.rows} notify rows (${c.notifications.wrongCount} rows with other than one per recipient)`);
  console.log(`  CPU per command (API processes): ${((apiCpu * 1000) / commands).toFixed(2)} ms; per job (worker processes): ${((workerCpu * 1000) / jobs).toFixed(2)} ms`);
  console.log(
    `  Postgres CPU during the load: ${r.postgresLoadCpu.toFixed(1)} s for ${commands} commands and ${r.loadJobs} jobs ` +
      `(${((r.postgresLoadCpu * 1000) / commands).toFixed(2)} ms per command, its jobs included)`,
  );

  const once = allExactlyOnce(c) && r.drained;
  const killed = r.killedAt === null ? '' : `, a worker SIGKILLed at ${r.killedAt.toFixed(0)} s`;
  addSummary(
    {
      figure: 'scale-out: score entries',
      value: `${c.ledger.recorded} / ${c.ledger.expected}`,
      baseline: 'earning steps in the history',
      target: `exactly once${killed}`,
      holds: c.ledger.missing === 0 && c.ledger.extra === 0,
    },
    {
      figure: 'scale-out: deadline effects',
      value: `${c.deadlines.applied} / ${c.deadlines.expected}${c.deadlines.overtaken ? ` (${c.deadlines.overtaken} overtaken by the expiry)` : ''}`,
      baseline: 'deadlines due (remind, late, expire)',
      target: 'exactly once per item',
      holds: deadlinesOnce(c.deadlines),
    },
    {
      figure: 'scale-out: outbox rows done, notices',
      value: `${c.outbox.rows - c.outbox.notDone} / ${c.outbox.rows}; ${c.notifications.wrongCount} off`,
      baseline: 'rows written; recipients',
      target: 'all done, one notice per recipient',
      holds: c.outbox.notDone === 0 && c.notifications.wrongCount === 0 && r.drained,
    },
    {
      figure: 'scale-out: commands/s per API process',
      value: apis.map((api) => (api.ok / options.seconds).toFixed(0)).join(' + '),
      baseline: '—',
      target: '— (2 cores: correctness is the figure)',
      holds: null,
    },
    {
      figure: 'scale-out: jobs/s per worker process',
      value: workers.map((w) => (w.metrics.jobs() / w.metrics.seconds()).toFixed(0)).join(' + '),
      baseline: '—',
      target: '—',
      holds: null,
    },
  );
  return once;
}

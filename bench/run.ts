import { startEmbeddedPostgres } from '../db/embedded.ts';
import { benchCommands } from './commands.bench.ts';
import { benchImportFile } from './import.bench.ts';
import { benchLatency } from './latency.bench.ts';
import { benchReports } from './reports.bench.ts';
import { benchScaleout } from './scaleout.bench.ts';
import { printSummary } from './summary.ts';
import { benchMemory, benchTimers } from './timers.bench.ts';

/**
 * `npm run bench`: figures against a baseline measured in the same run, on this machine.
 *   BENCH_DATABASE_URL / DATABASE_URL  a server to create the bench databases on (else embedded)
 *   BENCH_ITEMS       items for the reports benchmark (default 1,000,000)
 *   BENCH_SECONDS     seconds per command run (default 10)
 *   BENCH_CONCURRENCY concurrent command loops (default 32)
 *   BENCH_ROUNDS      alternating baseline/service rounds, median taken (default 5)
 *   BENCH_POOL_SIZE   the service's database pool and pgbench's connections (default 6)
 *   BENCH_LATENCY_SECONDS  seconds of each constant-rate latency run (default 30)
 *   BENCH_LATENCY_ROUNDS   alternating pgbench/service latency rounds, median taken (default 3)
 *   BENCH_PROFILE_DIR      where the latency benchmark's server writes a CPU profile (node --cpu-prof)
 *   BENCH_ONLY        one or several, comma-separated: "commands", "reports", "timers", "memory", "import", "latency" (commands at a constant half of the maximum
 *                     rate, p50/p99/p99.9 from the intended send time, beside pgbench at that rate)
 *                     "scaleout" (two API and two worker processes, counted exactly once)
 *                     or "web" (the console: bundle sizes, time to the first task)
 *   BENCH_SCALEOUT_SECONDS      scale-out: seconds of load, two API and two worker processes (default 60)
 *   BENCH_SCALEOUT_TIMERS       scale-out: items whose three deadlines fall due during the load (default 120)
 *   BENCH_SCALEOUT_CONCURRENCY  scale-out: items taken from creation to adoption at once (default 8)
 *   BENCH_SCALEOUT_QUEUE        scale-out: "redis" (a redis-server of its own, default) or "postgres"
 *   BENCH_SCALEOUT_KILL         scale-out: "0" keeps both workers alive (default: one is SIGKILLed half-way)
 *   BENCH_TIMER_ITEMS   items with a pending deadline in the timers and memory benchmarks (default 100,000)
 *   BENCH_TIMER_DUE     of them, items whose deadline falls due in the timers' window (default: 100 a second
 *                       of the spread, 9,000; all 100,000 over 90 s, 1,111/s, finds the machine's ceiling instead)
 *   BENCH_TIMER_CONCURRENCY deadline jobs the worker (and the baseline's) runs at once (default 4, as DEADLINE_CONCURRENCY)
 *   BENCH_TIMER_SPREAD  seconds the timers' deadlines fall due over, at a steady rate (default 90)
 *   BENCH_TIMER_ADD_RATE jobs per second the set-up is given to schedule before the window (default 2,500)
 *   BENCH_TIMER_BACKENDS "redis,postgres" (default; redis needs REDIS_URL)
 *   BENCH_IMPORT_ITEMS rows of the import benchmark's CSV file (default 200,000; a second file has a quarter)
 */
const env = process.env;
let adminUrl = env.BENCH_DATABASE_URL ?? env.DATABASE_URL;
let stopEmbedded: (() => Promise<void>) | undefined;
if (!adminUrl) {
  const server = await startEmbeddedPostgres('.data/bench-pg', 54338);
  adminUrl = server.url;
  stopEmbedded = server.stop;
}
/** BENCH_ONLY names one benchmark or several, separated by commas (e.g. "latency,timers"). */
const only = env.BENCH_ONLY ? new Set(env.BENCH_ONLY.split(',').map((name) => name.trim())) : null;
const wanted = (name: string) => !only || only.has(name);
console.log(`node ${process.version}; database ${adminUrl.replace(/\/\/[^@/]*@/, '//')}`);
if (wanted('commands')) {
  await benchCommands({
    adminUrl,
    items: 8_000,
    seconds: Number(env.BENCH_SECONDS ?? 10),
    concurrency: Number(env.BENCH_CONCURRENCY ?? 32),
    rounds: Number(env.BENCH_ROUNDS ?? 5),
    poolSize: Number(env.BENCH_POOL_SIZE ?? 6),
  });
}
if (wanted('latency')) {
  await benchLatency({
    adminUrl,
    items: 8_000,
    seconds: Number(env.BENCH_LATENCY_SECONDS ?? 30),
    probeSeconds: 5,
    concurrency: Number(env.BENCH_CONCURRENCY ?? 32),
    rounds: Number(env.BENCH_LATENCY_ROUNDS ?? 3),
    poolSize: Number(env.BENCH_POOL_SIZE ?? 6),
    profileDirectory: env.BENCH_PROFILE_DIR,
  });
}
if (wanted('reports')) {
  await benchReports({ adminUrl, items: Number(env.BENCH_ITEMS ?? 1_000_000), runs: 30 });
}
if (wanted('scaleout')) {
  await benchScaleout({
    adminUrl,
    seconds: Number(env.BENCH_SCALEOUT_SECONDS ?? 60),
    timerItems: Number(env.BENCH_SCALEOUT_TIMERS ?? 120),
    concurrency: Number(env.BENCH_SCALEOUT_CONCURRENCY ?? 8),
    poolSize: Number(env.BENCH_POOL_SIZE ?? 6),
    queue: env.BENCH_SCALEOUT_QUEUE === 'postgres' ? 'postgres' : 'redis',
    killWorker: env.BENCH_SCALEOUT_KILL !== '0',
  });
}
if (wanted('timers')) {
  const timerItems = Number(env.BENCH_TIMER_ITEMS ?? 100_000);
  const timerSpread = Number(env.BENCH_TIMER_SPREAD ?? 90);
  await benchTimers({
    adminUrl,
    redisUrl: env.REDIS_URL || undefined,
    items: timerItems,
    // A steady rate the deadlines are meant to be kept at; lateness past saturation only measures the backlog.
    dueItems: Number(env.BENCH_TIMER_DUE ?? Math.min(timerItems, 100 * timerSpread)),
    concurrency: Number(env.BENCH_TIMER_CONCURRENCY ?? 4),
    spreadSeconds: timerSpread,
    addRate: Number(env.BENCH_TIMER_ADD_RATE ?? 2_500),
    probeSeconds: 5,
    backends: (env.BENCH_TIMER_BACKENDS ?? 'redis,postgres').split(',') as ('redis' | 'postgres')[],
  });
}
if (wanted('memory')) {
  await benchMemory({ adminUrl, items: Number(env.BENCH_TIMER_ITEMS ?? 100_000) });
}
if (wanted('import')) {
  await benchImportFile({ adminUrl, items: Number(env.BENCH_IMPORT_ITEMS ?? 200_000) });
}
if (wanted('web')) {
  // The console's benchmark is its own script (`npm run bench:web`); it reads the database from the environment.
  process.env.BENCH_DATABASE_URL = adminUrl;
  await import('./console.bench.ts');
}
printSummary();
await stopEmbedded?.();

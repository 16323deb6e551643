import { startEmbeddedPostgres } from '../db/embedded.ts';
import { benchCommands } from './commands.bench.ts';
import { benchImportFile } from './import.bench.ts';
import { benchReports } from './reports.bench.ts';
import { printSummary } from './summary.ts';

/**
 * `npm run bench`: figures against a baseline measured in the same run, on this machine.
 *   BENCH_DATABASE_URL / DATABASE_URL  a server to create the bench databases on (else embedded)
 *   BENCH_ITEMS       items for the reports benchmark (default 1,000,000)
 *   BENCH_SECONDS     seconds per command run (default 10)
 *   BENCH_CONCURRENCY concurrent command loops (default 32)
 *   BENCH_ROUNDS      alternating baseline/service rounds, median taken (default 5)
 *   BENCH_POOL_SIZE   the service's database pool and pgbench's connections (default 6)
 *   BENCH_IMPORT_ITEMS rows of the import benchmark's CSV file (default 200,000; a second file has a quarter)
 *   BENCH_ONLY        "commands", "reports", "import" or "web" (the console: bundle sizes, time to the first task)
 */
const env = process.env;
let adminUrl = env.BENCH_DATABASE_URL ?? env.DATABASE_URL;
let stopEmbedded: (() => Promise<void>) | undefined;
if (!adminUrl) {
  const server = await startEmbeddedPostgres('.data/bench-pg', 54338);
  adminUrl = server.url;
  stopEmbedded = server.stop;
}
const only = env.BENCH_ONLY;
console.log(`node ${process.version}; database ${adminUrl.replace(/\/\/[^@/]*@/, '//')}`);
if (!only || only === 'commands') {
  await benchCommands({
    adminUrl,
    items: 8_000,
    seconds: Number(env.BENCH_SECONDS ?? 10),
    concurrency: Number(env.BENCH_CONCURRENCY ?? 32),
    rounds: Number(env.BENCH_ROUNDS ?? 5),
    poolSize: Number(env.BENCH_POOL_SIZE ?? 6),
  });
}
if (!only || only === 'reports') {
  await benchReports({ adminUrl, items: Number(env.BENCH_ITEMS ?? 1_000_000), runs: 30 });
}
if (!only || only === 'import') {
  await benchImportFile({ adminUrl, items: Number(env.BENCH_IMPORT_ITEMS ?? 200_000) });
}
if (!only || only === 'web') {
  // The console's benchmark is its own script (`npm run bench:web`); it reads the database from the environment.
  process.env.BENCH_DATABASE_URL = adminUrl;
  await import('./console.bench.ts');
}
printSummary();
await stopEmbedded?.();

import pg from 'pg';
import { readItemForCommand, writeItemUpdate } from '../db/queries/item-commands.ts';
import { recordFromRow } from '../src/services/submission-record.ts';
import { installed } from '../test/support/programs.ts';
import { commandsFixture } from './commands-fixture.ts';
import { pgbenchRunner } from './pgbench.ts';
import { addSummary } from './summary.ts';
import { fmt, load, post, startServer, wrk } from './support.ts';

export interface CommandBenchOptions {
  adminUrl: string;
  items: number;
  seconds: number;
  concurrency: number;
  rounds: number;
  /**
   * The service's database pool, and the connections every baseline gets. On 2 cores pgbench does
   * best with 4 to 6 connections (10 lose a quarter to contention), so the comparison is with
   * pgbench at its best.
   */
  poolSize: number;
}

/**
 * Reviewers' commands through the whole stack (HTTP, auth, XState transition, the two statements)
 * against a baseline measured in the same run: the same two statements, same SQL text and driver,
 * same concurrency and pool size, with no HTTP, auth or machine — the ceiling the database sets.
 */

export async function benchCommands(options: CommandBenchOptions) {
  const { url, handle, ids, idsFile, reviewer, sample, unclaimAll, vacuum } = await commandsFixture({
    adminUrl: options.adminUrl, database: 'nmg_bench_commands', items: options.items, poolSize: options.poolSize,
  });
  const perLoop = Math.floor(ids.length / options.concurrency);
  const itemFor = (loop: number, i: number) => ids[loop + options.concurrency * (Math.floor(i / 2) % perLoop)];

  // Baseline: the service's own statements, straight through pg.
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize });
  const baselineRun = () =>
    load(options.concurrency, options.seconds, async (loop, i) => {
      const id = itemFor(loop, i);
      const row = await readItemForCommand(pool, id, reviewer.id, null);
      if (!row) return false;
      const claim = i % 2 === 0;
      // The same change as the service's and pgbench's: the claim column set, then cleared.
      const record = { ...recordFromRow(row), claimedBy: claim ? reviewer.id : null };
      const written = await writeItemUpdate(
        pool, id, row.version, record, false, new Date(),
        { action: claim ? 'claim' : 'unclaim', fromState: row.state, actorId: reviewer.id, actorName: reviewer.name, actorRole: 'reviewer', reason: null, signer: null },
        [], null,
      );
      return written !== null;
    });

  const server = await startServer(url, { DB_POOL_SIZE: String(options.poolSize) });
  const headers = { authorization: `Bearer ${reviewer.token}` };
  // Each loop keeps counting across runs, so that a claim is always followed by its unclaim.
  const counters = new Array<number>(options.concurrency).fill(0);
  const command = async (loop: number) => {
    const n = counters[loop]++;
    const status = await post(`${server.url}/v1/tasks/${itemFor(loop, n)}/${n % 2 === 0 ? 'claim' : 'unclaim'}`, headers);
    return status === 200;
  };
  // With wrk (a C load generator) the client takes little of the two cores; without it, node:http.
  const useWrk = installed('wrk');
  const serviceRun = async () => {
    // wrk's script claims its items, then unclaims them: start from none claimed.
    if (useWrk) await unclaimAll();
    await vacuum();
    return useWrk ? wrk(server.url, options, [idsFile, String(Math.min(options.concurrency, 2)), reviewer.token!]) : load(options.concurrency, options.seconds, command);
  };
  // Warm-up, one whole run each, not counted: JIT, prepared statements, the token cache.
  await baselineRun();
  await serviceRun();
  // The issue's own baseline: pgbench with the same two statements, on as many connections as the pool.
  const pgbenchRun = pgbenchRunner({ databaseUrl: url, connections: options.poolSize, seconds: options.seconds, items: ids.length, reviewer, sample });
  type Run = Awaited<ReturnType<typeof baselineRun>>;
  const baselines: Run[] = [];
  const pgbenchRuns: Awaited<ReturnType<NonNullable<typeof pgbenchRun>>>[] = [];
  const services: Run[] = [];
  try {
    // Alternate them so that all see the same machine; medians over the rounds.
    for (let round = 0; round < options.rounds; round += 1) {
      if (pgbenchRun) {
        await vacuum();
        pgbenchRuns.push(await pgbenchRun());
      }
      await vacuum();
      baselines.push(await baselineRun());
      services.push(await serviceRun());
    }
  } finally {
    await server.stop();
    await pool.end();
    await handle.close();
  }
  const median = <T extends { rate: number }>(runs: T[]) => [...runs].sort((a, b) => a.rate - b.rate)[Math.floor(runs.length / 2)];
  const baseline = median(baselines);
  const http = median(services);
  const pgbenchFigure = pgbenchRuns.length ? median(pgbenchRuns) : undefined;

  console.log(`\nCommands (claim/unclaim by reviewers, ${options.concurrency} concurrent, median of ${options.rounds} alternating runs of ${options.seconds} s)`);
  console.log('                                     per second    p50 ms    p99 ms  failures');
  if (pgbenchFigure) {
    console.log(`  baseline: pgbench, same SQL      ${fmt(pgbenchFigure.rate)} ${fmt(pgbenchFigure.latencyMs, 2)} (mean) ${String(pgbenchFigure.failures).padStart(9)}`);
  } else {
    console.log('  baseline: pgbench not installed (it comes with the PostgreSQL client packages)');
  }
  console.log(`  baseline: same SQL through pg    ${fmt(baseline.rate)} ${fmt(baseline.p50, 2)} ${fmt(baseline.p99, 2)} ${String(baseline.failures).padStart(9)}`);
  console.log(`  load generator: ${useWrk ? 'wrk' : 'node:http (install wrk for a lighter client)'}`);
  console.log(`  service: HTTP + auth + XState    ${fmt(http.rate)} ${fmt(http.p50, 2)} ${fmt(http.p99, 2)} ${String(http.failures).padStart(9)}`);
  // Each round's runs follow one another, so they see the machine in much the same state: compare
  // within rounds, then take the median, rather than dividing medians taken from different moments.
  const share = (bases: { rate: number }[]) => {
    const ratios = bases.map((base, i) => services[i].rate / base.rate);
    const middle = [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)];
    return `${(middle * 100).toFixed(0)}% (rounds in order: ${ratios.map((r) => `${(r * 100).toFixed(0)}%`).join(', ')})`;
  };
  const rates = (runs: { rate: number }[]) => runs.map((run) => run.rate.toFixed(0)).join(', ');
  console.log(`  rounds in order (commands/s): pgbench ${rates(pgbenchRuns)}; pg ${rates(baselines)}; service ${rates(services)}`);
  if (pgbenchRuns.length) console.log(`  service / pgbench: ${share(pgbenchRuns)}; target: at least 50%`);
  console.log(`  service / same SQL through pg: ${share(baselines)}`);
  if (pgbenchFigure) {
    // The closing table counts only commands answered 200: a refused command is no command done.
    const done = http.rate * (1 - http.failures / Math.max(1, http.count));
    addSummary({
      figure: 'commands: claim/unclaim per second',
      value: `${done.toFixed(0)}/s (${http.failures} not 200)`,
      baseline: `pgbench ${pgbenchFigure.rate.toFixed(0)}/s`,
      target: '≥ 50% of pgbench',
      holds: done >= 0.5 * pgbenchFigure.rate && http.failures === 0,
    });
  }
  return { baseline, pgbench: pgbenchFigure, http };
}

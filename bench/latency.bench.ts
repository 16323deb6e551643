import { installed } from '../test/support/programs.ts';
import { commandsFixture } from './commands-fixture.ts';
import { pgbenchAtRate } from './pgbench.ts';
import { addSummary } from './summary.ts';
import { freePort } from '../test/support/net.ts';
import { constantRate, fmt, load, percentile, post, startProcess, startServer, wrk } from './support.ts';

export interface LatencyBenchOptions {
  adminUrl: string;
  items: number;
  /** Seconds of each constant-rate run. */
  seconds: number;
  /** Seconds of the closed-loop run that finds the service's maximum rate. */
  probeSeconds: number;
  /** Concurrent requests of that closed-loop run. */
  concurrency: number;
  /** Alternating pgbench/service rounds; the median round is reported. */
  rounds: number;
  /** The service's database pool, and pgbench's connections. */
  poolSize: number;
  /** Where the server writes a CPU profile (node --cpu-prof), if anywhere: to see what dominates. */
  profileDirectory?: string;
}

/** The API's request-duration histogram, summed over routes: requests at or under each bound (s). */
async function serverBuckets(url: string): Promise<Map<string, number>> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const counts = new Map<string, number>();
  for (const [, le, n] of text.matchAll(/^http_request_duration_seconds_bucket\{[^}]*le="([^"]+)"[^}]*\} (\d+)/gm)) {
    counts.set(le, (counts.get(le) ?? 0) + Number(n));
  }
  return counts;
}

/** Of the requests between two readings, the share over 25, 50 and 100 ms as the service timed them. */
function bucketShares(before: Map<string, number>, after: Map<string, number>): string {
  const count = (le: string) => (after.get(le) ?? 0) - (before.get(le) ?? 0);
  const total = count('+Inf');
  const over = (le: string) => `${(((total - count(le)) / total) * 100).toFixed(2)} % over ${Number(le) * 1000} ms`;
  return `${total} requests, ${['0.025', '0.05', '0.1'].map(over).join(', ')}`;
}

/**
 * The same open-loop client at the same rate against a server that answers at once: what the
 * client's own event loop, loopback HTTP and the machine add to every latency measured here.
 */
async function clientFloor(rate: number, seconds: number) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = await startProcess('bench/bare-http-server.ts', {}, url, [], [String(port)]);
  try {
    const run = await constantRate(rate, seconds, async () => (await post(`${url}/`, {})) === 200);
    return { p50: percentile(run.latencies, 50), p99: percentile(run.latencies, 99), p999: percentile(run.latencies, 99.9), count: run.latencies.length, failures: run.failures };
  } finally {
    await server.stop();
  }
}

/**
 * Reviewers' claim/unclaim at a constant rate, half the service's maximum, each command timed from
 * its intended send time; beside pgbench running the same two statements at the same rate, one
 * command per transaction, timed from its scheduled start (bench/pgbench.ts, pgbenchLatencyScript).
 */
export async function benchLatency(options: LatencyBenchOptions) {
  const fixture = await commandsFixture({
    adminUrl: options.adminUrl, database: 'nmg_bench_latency', items: options.items, poolSize: options.poolSize,
  });
  const { ids, reviewer } = fixture;
  const profile = options.profileDirectory ? ['--cpu-prof', '--cpu-prof-dir', options.profileDirectory] : [];
  const server = await startServer(fixture.url, { DB_POOL_SIZE: String(options.poolSize) }, profile);
  const headers = { authorization: `Bearer ${reviewer.token}` };
  // Command i: every item claimed in turn, then every item unclaimed, so that a claim and its
  // unclaim are thousands of commands apart and never in flight together.
  const command = async (i: number) => {
    const action = Math.floor(i / ids.length) % 2 === 0 ? 'claim' : 'unclaim';
    return (await post(`${server.url}/v1/tasks/${ids[i % ids.length]}/${action}`, headers)) === 200;
  };
  const fresh = async () => {
    await fixture.unclaimAll();
    await fixture.vacuum();
  };
  const pgbenchRun = pgbenchAtRate({
    databaseUrl: fixture.url, connections: options.poolSize, seconds: options.seconds, items: ids.length, reviewer, sample: fixture.sample,
  });
  type Figures = { p50: number; p99: number; p999: number; count: number; failures: number };
  const figures = (latencies: number[], failures: number): Figures => ({
    p50: percentile(latencies, 50), p99: percentile(latencies, 99), p999: percentile(latencies, 99.9), count: latencies.length, failures,
  });
  const services: (Figures & { sendLagP99: number })[] = [];
  let floor: Figures | undefined;
  let serverSide: string | undefined;
  const baselines: Figures[] = [];
  let maximum: { rate: number; failures: number };
  let rate: number;
  try {
    // The maximum: a closed loop (each request waits for the one before it), with wrk if installed
    // (a C client takes less of the two cores than node:http, so the service shows more of its rate).
    await fresh();
    if (installed('wrk')) {
      maximum = await wrk(server.url, { concurrency: options.concurrency, seconds: options.probeSeconds }, [fixture.idsFile, '2', reviewer.token!]);
    } else {
      let next = 0;
      maximum = await load(options.concurrency, options.probeSeconds, () => command(next++));
    }
    rate = Math.max(1, Math.round(maximum.rate / 2));
    // Warm-up, not counted: the keep-alive connections of the constant-rate client.
    await fresh();
    await constantRate(rate, Math.min(3, options.seconds), command);
    const before = await serverBuckets(server.url);
    for (let round = 0; round < options.rounds; round += 1) {
      if (pgbenchRun) {
        await fresh();
        const run = await pgbenchRun(rate);
        baselines.push(figures(run.latencies, run.failures));
      }
      await fresh();
      const run = await constantRate(rate, options.seconds, command);
      services.push({ ...figures(run.latencies, run.failures), sendLagP99: run.sendLagP99 });
    }
    serverSide = bucketShares(before, await serverBuckets(server.url));
    floor = await clientFloor(rate, options.seconds);
  } finally {
    await server.stop();
    await fixture.handle.close();
  }
  const medianByP99 = <T extends { p99: number }>(runs: T[]) => [...runs].sort((a, b) => a.p99 - b.p99)[Math.floor(runs.length / 2)];
  const service = medianByP99(services);
  const baseline = baselines.length ? medianByP99(baselines) : undefined;
  // Rounds follow one another, so compare within each round, then take the median ratio.
  const ratios = baselines.map((base, i) => services[i].p99 / base.p99);
  const ratio = ratios.length ? [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)] : NaN;

  console.log(`\nLatency (claim/unclaim at a constant ${rate}/s, half the closed-loop maximum of ${maximum.rate.toFixed(0)}/s; median of ${options.rounds} alternating runs of ${options.seconds} s)`);
  console.log('                                      p50 ms    p99 ms  p99.9 ms  commands  failures');
  const line = (label: string, f: Figures) =>
    console.log(`  ${label.padEnd(34)}${fmt(f.p50, 2)} ${fmt(f.p99, 2)} ${fmt(f.p999, 2)} ${String(f.count).padStart(9)} ${String(f.failures).padStart(9)}`);
  if (baseline) line('baseline: pgbench, same SQL', baseline);
  else console.log('  baseline: pgbench not installed (it comes with the PostgreSQL client packages)');
  line('service: HTTP + auth + XState', service);
  if (floor) line('floor: same client, bare node:http', floor);
  if (serverSide) console.log(`  the service's own timing of its requests (its /metrics, every round): ${serverSide}`);
  const rounds = (runs: Figures[]) => runs.map((run) => run.p99.toFixed(2)).join(', ');
  console.log(`  p99 by round (ms): pgbench ${rounds(baselines)}; service ${rounds(services)}`);
  console.log(`  closed-loop maximum: ${maximum.rate.toFixed(0)}/s, ${options.concurrency} concurrent, ${options.probeSeconds} s, with ${installed('wrk') ? 'wrk' : 'node:http'}; failures ${maximum.failures}`);
  console.log(`  load generator: node:http, open loop; its own lateness to send, p99: ${service.sendLagP99.toFixed(2)} ms`);
  if (ratios.length) console.log(`  service p99 / pgbench p99: ${ratio.toFixed(1)}× (rounds in order: ${ratios.map((r) => `${r.toFixed(1)}×`).join(', ')}); target: at most 3× and under 20 ms`);

  const ms = (value: number) => `${value.toFixed(2)} ms`;
  const base = (pick: (f: Figures) => number) => (baseline ? ms(pick(baseline)) : '—');
  addSummary(
    { figure: `latency at ${rate}/s: p50`, value: ms(service.p50), baseline: base((f) => f.p50), target: '—', holds: null },
    {
      figure: `latency at ${rate}/s: p99`,
      value: ms(service.p99),
      baseline: base((f) => f.p99),
      target: '≤ 3× baseline and < 20 ms',
      holds: service.failures === 0 && service.p99 < 20 && (ratios.length === 0 || ratio <= 3),
    },
    { figure: `latency at ${rate}/s: p99.9`, value: ms(service.p999), baseline: base((f) => f.p999), target: '—', holds: null },
  );
  return { rate, maximum: maximum.rate, service, baseline, ratio };
}

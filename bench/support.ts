import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort, withDatabase } from '../test/support/net.ts';
import http from 'node:http';
import pg from 'pg';

/** Shared pieces of the benchmarks: databases, a server process of its own, timing. */


/** Drops and creates a database for one benchmark. */
export async function freshDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return withDatabase(adminUrl, name);
}

/** A service process (`src/server.ts`, `workers/main.ts`) of its own; resolves once `readyUrl` answers. */
export async function startProcess(
  script: string,
  env: Record<string, string>,
  readyUrl: string,
  nodeArgs: string[] = [],
  scriptArgs: string[] = [],
): Promise<ServiceProcess> {
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, script, ...scriptArgs], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // A loaded machine may take a while to start node and connect (up to a minute).
  let up = false;
  for (let i = 0; i < 600 && !up && child.exitCode === null; i += 1) {
    try {
      up = (await fetch(readyUrl)).ok;
    } catch {
      // not yet
    }
    if (!up) await new Promise((r) => setTimeout(r, 100));
  }
  if (!up) {
    child.kill('SIGTERM');
    throw new Error(`${script} did not start (exit code ${child.exitCode})`);
  }
  return {
    child,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

export interface ServiceProcess {
  child: ChildProcess;
  /** SIGTERM: the process stops in order. */
  stop(): Promise<void>;
  /** SIGKILL: the process dies where it stands. */
  kill(): Promise<void>;
}

/** The API as `npm run api` starts it, in its own process, so that the load generator does not share its core. */
export async function startServer(
  databaseUrl: string,
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = await startProcess(
    'src/server.ts',
    { DATABASE_URL: databaseUrl, REDIS_URL: '', PORT: String(port), TOKEN_CACHE_MS: '60000', ...env },
    `${url}/healthz`,
    nodeArgs,
  );
  return { url, pid: started.child.pid!, stop: started.stop };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

/** Runs `task` on `concurrency` loops for `seconds`; returns the rate and latency percentiles. */
export async function load(concurrency: number, seconds: number, task: (loop: number, i: number) => Promise<boolean>) {
  const latencies: number[] = [];
  let failures = 0;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, loop) => {
      for (let i = 0; performance.now() < end; i += 1) {
        const t0 = performance.now();
        const ok = await task(loop, i);
        latencies.push(performance.now() - t0);
        if (!ok) failures += 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { rate: latencies.length / elapsed, count: latencies.length, failures, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

/**
 * Starts `task` at a constant mean `rate` per second for `seconds`, whether or not earlier ones
 * have finished (an open loop, as wrk2 does), and measures each from its INTENDED start, so that a
 * request the generator or a busy connection held back counts its wait (no coordinated omission).
 * Arrivals are a Poisson process, as pgbench's --rate schedules them, so that the two loads are
 * equally bursty. Returns every latency in ms, sorted, and how late the generator itself was to
 * send (p99, ms). Gives up on stragglers `drainSeconds` after the schedule ends: they count as failures.
 */
export async function constantRate(rate: number, seconds: number, task: (i: number) => Promise<boolean>, drainSeconds = 30) {
  const latencies: number[] = [];
  const sendLag: number[] = [];
  let failures = 0;
  let sent = 0;
  let finished = 0;
  let scheduleDone = false;
  let allFinished = () => {};
  const drained = new Promise<void>((resolve) => (allFinished = resolve));
  let open = true;
  const settle = (intended: number, ok: boolean) => {
    if (!open) return;
    latencies.push(performance.now() - intended);
    if (!ok) failures += 1;
    finished += 1;
    if (scheduleDone && finished === sent) allFinished();
  };
  const start = performance.now();
  const end = start + seconds * 1000;
  let intended = start;
  while (intended < end) {
    for (; intended <= performance.now() && intended < end; intended += (-Math.log(1 - Math.random()) * 1000) / rate) {
      const at = intended;
      sendLag.push(performance.now() - at);
      task(sent).then((ok) => settle(at, ok), () => settle(at, false));
      sent += 1;
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  scheduleDone = true;
  if (finished === sent) allFinished();
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([drained, new Promise((resolve) => (timer = setTimeout(resolve, drainSeconds * 1000)))]);
  clearTimeout(timer);
  open = false;
  latencies.sort((a, b) => a - b);
  sendLag.sort((a, b) => a - b);
  return { latencies, failures: failures + (sent - finished), sendLagP99: percentile(sendLag, 99) };
}

export const fmt = (n: number, digits = 1) => n.toFixed(digits).padStart(9);

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

/** A POST with node:http and a keep-alive agent: lighter than fetch, so the load generator takes less of the CPU. */
export function post(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', headers, agent }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', reject);
    request.end();
  });
}

/** A request with a body over the same keep-alive agent; answers the status and the body's text. */
export function send(url: string, headers: Record<string, string>, body: string | Buffer): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

/**
 * Runs wrk with bench/claims.lua against the server: two threads, `concurrency` connections.
 * Returns the same figures as `load` (wrk reports latency percentiles itself).
 */
export function wrk(baseUrl: string, options: { concurrency: number; seconds: number }, scriptArgs: string[]) {
  const script = fileURLToPath(new URL('./claims.lua', import.meta.url));
  const args = ['-t', '2', '-c', String(options.concurrency), '-d', `${options.seconds}s`, '--latency', '-s', script, baseUrl, '--', ...scriptArgs];
  return new Promise<{ rate: number; count: number; failures: number; p50: number; p99: number }>((resolve, reject) => {
    execFile('wrk', args, (error, stdout) => {
      if (error) return reject(error);
      const number = (pattern: RegExp) => Number(pattern.exec(stdout)?.[1] ?? NaN);
      const ms = (pattern: RegExp) => {
        const match = pattern.exec(stdout);
        if (!match) return NaN;
        const value = Number(match[1]);
        return match[2] === 'us' ? value / 1000 : match[2] === 's' ? value * 1000 : value;
      };
      const non2xx = number(/Non-2xx or 3xx responses: (\d+)/);
      resolve({
        rate: number(/Requests\/sec:\s+([\d.]+)/),
        count: number(/(\d+) requests in/),
        failures: Number.isNaN(non2xx) ? 0 : non2xx,
        p50: ms(/50%\s+([\d.]+)(us|ms|s)/),
        p99: ms(/99%\s+([\d.]+)(us|ms|s)/),
      });
    });
  });
}

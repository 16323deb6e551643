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

/** The API as `npm run api` starts it, in its own process, so that the load generator does not share its core. */
export async function startServer(databaseUrl: string, env: Record<string, string> = {}): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['src/server.ts'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, REDIS_URL: '', PORT: String(port), LOG_LEVEL: 'warn', TOKEN_CACHE_MS: '60000', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  // A loaded machine may take a while to start node and connect (up to a minute).
  let up = false;
  for (let i = 0; i < 600 && !up && child.exitCode === null; i += 1) {
    try {
      up = (await fetch(`${url}/healthz`)).ok;
    } catch {
      // not yet
    }
    if (!up) await new Promise((r) => setTimeout(r, 100));
  }
  if (!up) {
    child.kill('SIGTERM');
    throw new Error(`the server did not start (exit code ${child.exitCode})`);
  }
  return {
    url,
    pid: child.pid!,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
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

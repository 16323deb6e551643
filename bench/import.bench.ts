import { execFile } from 'node:child_process';
import { createReadStream, createWriteStream, readFileSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { connectDatabase } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { UnitDirectory } from '../src/services/unit-directory.ts';
import { createUser } from '../src/services/users.ts';
import { freshDatabase, startServer } from './support.ts';
import { newsBody } from './news-text.ts';
import { addSummary, printSummary } from './summary.ts';

/**
 * The historical import of a CSV file over HTTP, the service in its own process: items per second
 * beside `COPY` of the same file into a bare table; the server's peak memory for the file and for
 * one a quarter of its size (streamed, the two should be close); the longest event-loop stall in
 * the server during the import (prom-client's monitorEventLoopDelay gauge on /metrics), while a
 * side loop asks GET /healthz every 10 ms and keeps its slowest answer.
 *   node bench/import.bench.ts   (BENCH_DATABASE_URL / DATABASE_URL; BENCH_IMPORT_ITEMS, default 200,000)
 */
export interface ImportBenchOptions {
  adminUrl: string;
  /** Rows of the large file; the small one has a quarter as many. */
  items: number;
}

const COLUMNS = ['externalId', 'unitCode', 'title', 'body', 'eventDate', 'submittedAt', 'adoptedAt', 'rejectedAt', 'forwardedAt', 'nationalAdoptedAt'];
/** Longest a single import may take before the benchmark gives up on it. */
const IMPORT_TIMEOUT_MS = 30 * 60_000;

export async function benchImportFile(options: ImportBenchOptions) {
  const sizes = [Math.round(options.items / 4), options.items];
  const runs: Array<ImportRun & { rows: number; copyRate: number }> = [];
  const dir = os.tmpdir();
  for (const rows of sizes) {
    const url = await freshDatabase(options.adminUrl, 'nmg_bench_import');
    const handle = connectDatabase(url, 2);
    await migrateToLatest(handle.db);
    const units = await UnitDirectory.load(handle.db);
    const admin = await createUser(handle.db, units, { name: 'bench admin', role: 'admin' });
    await handle.pool.query(`CREATE TABLE import_copy (${COLUMNS.map((c) => `"${c}" text`).join(', ')})`);
    await handle.close();
    const file = path.join(dir, `nmg-bench-import-${process.pid}-${rows}.csv`);
    try {
      await writePortalCsv(file, units.list, rows);
      const copySeconds = await copyFile(url, file);
      const server = await startServer(url);
      try {
        const run = await importOverHttp(server, admin.token!, file);
        if (run.answer.created !== rows) throw new Error(`import: created ${run.answer.created} of ${rows}: ${JSON.stringify(run.answer.errors.slice(0, 3))}`);
        runs.push({ ...run, rows, copyRate: rows / copySeconds });
        const mb = (statSync(file).size / 1024 / 1024).toFixed(0);
        console.log(
          `import, ${rows.toLocaleString('en')} rows (${mb} MB CSV) over HTTP: ${run.seconds.toFixed(1)} s = ${Math.round(rows / run.seconds).toLocaleString('en')} items/s ` +
            `(COPY of the file into a bare table: ${copySeconds.toFixed(2)} s = ${Math.round(rows / copySeconds).toLocaleString('en')} rows/s); ` +
            `server peak RSS ${run.peakRssMb.toFixed(0)} MB (before: ${run.rssBeforeMb.toFixed(0)} MB); longest event-loop stall ${run.loopMaxMs.toFixed(0)} ms (idle: ${run.idleLoopMaxMs.toFixed(0)} ms); ` +
            `slowest GET /healthz ${run.healthzMaxMs.toFixed(0)} ms (idle: ${run.healthzIdleMaxMs.toFixed(0)} ms, ${run.healthzCount} asked)`,
        );
      } finally {
        await server.stop();
      }
    } finally {
      rmSync(file, { force: true });
    }
  }
  const [small, large] = runs;
  const rate = large.rows / large.seconds;
  addSummary(
    { figure: `import: ${large.rows.toLocaleString('en')}-row CSV over HTTP`, value: `${Math.round(rate).toLocaleString('en')} items/s`, baseline: `COPY ${Math.round(large.copyRate).toLocaleString('en')} rows/s`, target: '≥ 5,000 items/s', holds: rate >= 5_000 },
    // Flat: four times the file, at most a quarter more memory (a file read whole would take several times its size).
    { figure: 'import: server peak RSS', value: `${large.peakRssMb.toFixed(0)} MB`, baseline: `${small.peakRssMb.toFixed(0)} MB for ¼ the file`, target: 'flat (≤ 1.25 × ¼ file’s)', holds: large.peakRssMb <= small.peakRssMb * 1.25 },
    { figure: 'import: longest event-loop stall', value: `${large.loopMaxMs.toFixed(0)} ms`, baseline: `idle ${large.idleLoopMaxMs.toFixed(0)} ms`, target: '≤ 100 ms', holds: Math.max(large.loopMaxMs, small.loopMaxMs) <= 100 },
    { figure: 'import: slowest GET /healthz meanwhile', value: `${large.healthzMaxMs.toFixed(0)} ms`, baseline: `idle ${large.healthzIdleMaxMs.toFixed(0)} ms`, target: '—', holds: null },
  );
}

/** The old portal's records of every kind: adopted and forwarded, rejected, adopted, never decided, never sent. */
export function portalRecord(i: number, units: ReadonlyArray<{ code: string; name: string }>): Record<string, string> {
  const day = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
  const unit = units[i % units.length];
  const at = (plus: number, time: string) => `${day((i % 330) + plus)}T${time}+08:00`;
  const kind = i % 5;
  return {
    externalId: `bench-${i}`,
    unitCode: unit.code,
    title: `${unit.name}计生协开展活动（${i}）`,
    body: newsBody(i),
    eventDate: day(i % 330),
    ...(kind === 4 ? {} : { submittedAt: at(1, '09:00:00') }),
    ...(kind <= 1 ? { adoptedAt: at(2, '10:00:00') } : {}),
    ...(kind === 0 ? { forwardedAt: at(3, '10:00:00'), nationalAdoptedAt: at(6, '15:00:00') } : {}),
    ...(kind === 2 ? { rejectedAt: at(2, '11:00:00') } : {}),
  };
}

const csvField = (value: string | undefined) => (value === undefined ? '' : /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

async function writePortalCsv(file: string, units: ReadonlyArray<{ code: string; name: string }>, rows: number) {
  const out = createWriteStream(file);
  out.write(`${COLUMNS.join(',')}\r\n`);
  for (let i = 0; i < rows; i += 1) {
    const record = portalRecord(i, units);
    if (!out.write(`${COLUMNS.map((c) => csvField(record[c])).join(',')}\r\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** `COPY` of the file into a bare table of text columns, by psql: the floor of loading these bytes into Postgres. */
async function copyFile(url: string, file: string): Promise<number> {
  const started = performance.now();
  await new Promise<void>((resolve, reject) =>
    execFile('psql', [url, '-v', 'ON_ERROR_STOP=1', '-c', `\\copy import_copy FROM '${file}' WITH (FORMAT csv, HEADER true)`], (error) => (error ? reject(error) : resolve())),
  );
  return (performance.now() - started) / 1000;
}

interface ImportRun {
  seconds: number;
  answer: { created: number; unchanged: number; errors: unknown[] };
  rssBeforeMb: number;
  peakRssMb: number;
  loopMaxMs: number;
  idleLoopMaxMs: number;
  healthzMaxMs: number;
  healthzIdleMaxMs: number;
  healthzCount: number;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

function request(url: string, init: { method?: string; headers?: Record<string, string>; body?: NodeJS.ReadableStream }): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? 'GET', headers: init.headers, agent, timeout: IMPORT_TIMEOUT_MS }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('timeout', () => req.destroy(new Error(`${url}: no answer within ${IMPORT_TIMEOUT_MS} ms`)));
    req.on('error', reject);
    if (init.body) init.body.pipe(req);
    else req.end();
  });
}

/** GET /healthz every 10 ms until `stop` says so (or for at most `maxMs`); the slowest answer and how many. */
async function healthzLoop(url: string, stop: () => boolean, maxMs: number) {
  let slowest = 0;
  let count = 0;
  const end = performance.now() + maxMs;
  for (let next = performance.now(); !stop() && performance.now() < end; next += 10) {
    const started = performance.now();
    const { status } = await request(`${url}/healthz`, {});
    if (status !== 200) throw new Error(`/healthz answered ${status}`);
    slowest = Math.max(slowest, performance.now() - started);
    count += 1;
    const wait = next + 10 - performance.now();
    if (wait > 0) await sleep(wait);
    else next = performance.now() - 10;
  }
  return { slowest, count };
}

/** The server's longest event-loop delay since the previous scrape (the gauge resets at each one). */
async function loopMaxMs(url: string): Promise<number> {
  const { text } = await request(`${url}/metrics`, {});
  const match = /^nodejs_eventloop_lag_max_seconds(?:\{[^}]*\})? (\S+)$/m.exec(text);
  if (!match) throw new Error('no nodejs_eventloop_lag_max_seconds on /metrics');
  return Number(match[1]) * 1000;
}

const statusKb = (pid: number, field: 'VmHWM' | 'VmRSS') => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);

async function importOverHttp(server: { url: string; pid: number }, token: string, file: string): Promise<ImportRun> {
  // The same measures on the idle server first: on a busy machine a process waits for a core too.
  await loopMaxMs(server.url);
  const idle = await healthzLoop(server.url, () => false, 3_000);
  const idleLoopMaxMs = await loopMaxMs(server.url);
  const rssBeforeMb = statusKb(server.pid, 'VmRSS') / 1024;
  let done = false;
  const side = healthzLoop(server.url, () => done, IMPORT_TIMEOUT_MS);
  const started = performance.now();
  const response = await request(`${server.url}/v1/import/submissions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', 'content-length': String(statSync(file).size) },
    body: createReadStream(file),
  }).finally(() => {
    done = true;
  });
  const seconds = (performance.now() - started) / 1000;
  const healthz = await side;
  if (response.status !== 200) throw new Error(`import answered ${response.status}: ${response.text.slice(0, 500)}`);
  return {
    seconds,
    answer: JSON.parse(response.text),
    rssBeforeMb,
    peakRssMb: statusKb(server.pid, 'VmHWM') / 1024,
    loopMaxMs: await loopMaxMs(server.url),
    idleLoopMaxMs,
    healthzMaxMs: healthz.slowest,
    healthzIdleMaxMs: idle.slowest,
    healthzCount: healthz.count,
  };
}

if (import.meta.main) {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('set BENCH_DATABASE_URL or DATABASE_URL');
  await benchImportFile({ adminUrl, items: Number(process.env.BENCH_IMPORT_ITEMS ?? 200_000) });
  printSummary();
}

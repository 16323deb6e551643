import { chmodSync, mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '../support/database.ts';
import { freePort } from '../support/net.ts';
import { PrivateRedis, redisServerInstalled } from '../support/redis.ts';
import { CRASH_SIGNS, ServiceProcess } from '../support/service-process.ts';

const listening = (line: { msg: string }) => line.msg.startsWith('Server listening');
const workersStarted = (line: { msg: string }) => line.msg === 'workers started';

/** Whether anything answers on a local port (the embedded server must be gone after a stop). */
const portAnswers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });

const started: ServiceProcess[] = [];
function service(script: string, env: Record<string, string>): ServiceProcess {
  const child = new ServiceProcess(script, { HOST: '127.0.0.1', ...env });
  started.push(child);
  return child;
}
afterEach(() => {
  for (const child of started.splice(0)) child.kill();
});

/** An orderly stop: exit 0, nothing crashed, the steps in order, and the end said. */
async function expectOrderlyStop(child: ServiceProcess, steps: string[]) {
  expect(await child.exited, child.output).toBe(0);
  expect(child.output).not.toMatch(CRASH_SIGNS);
  expect(child.lines.filter((line) => line.level >= 50), child.output).toEqual([]);
  expect(child.stoppedSteps).toEqual(steps);
  expect(child.lines.at(-1)?.msg).toBe('stopped cleanly');
}

// Real processes start here (an embedded server too): a busy machine gets time.
describe('npm start on its embedded defaults stops cleanly', { timeout: 90_000 }, () => {
  // In the run's folder (removed at teardown), world-readable, so that as root the data stays
  // there (a private folder would move it to /var/lib).
  let dataDir: string;
  beforeAll(() => {
    dataDir = path.join(inject('testRun').dir, `embedded-stop-${process.pid}`);
    mkdirSync(dataDir, { recursive: true, mode: 0o755 });
    chmodSync(inject('testRun').dir, 0o755);
  });

  async function startEmbedded() {
    const pgPort = await freePort();
    const child = service('src/main.ts', { DATABASE_URL: '', REDIS_URL: '', DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), PORT: String(await freePort()) });
    await child.waitForLog(listening, 'the API to listen');
    return { child, pgPort };
  }
  const steps = ['http', 'workers', 'queues', 'change feed', 'database pool', 'embedded PostgreSQL'];

  it('on Ctrl-C (SIGINT to the whole process group, the embedded server included)', async () => {
    const { child, pgPort } = await startEmbedded();
    child.interrupt();
    await expectOrderlyStop(child, steps);
    expect(child.lines.find((line) => line.msg === 'stopping')?.signal).toBe('SIGINT');
    expect(await portAnswers(pgPort)).toBe(false);
  });

  it('on SIGTERM', async () => {
    const { child, pgPort } = await startEmbedded();
    child.signal('SIGTERM');
    await expectOrderlyStop(child, steps);
    expect(await portAnswers(pgPort)).toBe(false);
  });
});

describe('split mode: npm run api and npm run worker stop cleanly', { timeout: 90_000 }, () => {
  let databaseUrl: string;
  beforeAll(async () => {
    databaseUrl = (await createTestDatabase()).url;
  });
  const env = () => ({ DATABASE_URL: databaseUrl, REDIS_URL: '', QUEUE_PREFIX: `${inject('testRun').keyPrefix}stop` });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`on ${signal}`, async () => {
      const api = service('src/server.ts', { ...env(), PORT: String(await freePort()) });
      const worker = service('workers/main.ts', { ...env(), WORKER_PORT: String(await freePort()) });
      await api.waitForLog(listening, 'the API to listen');
      await worker.waitForLog(workersStarted, 'the workers to start');
      api.signal(signal);
      worker.signal(signal);
      await expectOrderlyStop(api, ['http', 'queues', 'change feed', 'database pool']);
      await expectOrderlyStop(worker, ['http', 'workers', 'queues', 'change feed', 'database pool']);
    });
  }
});

describe.skipIf(!redisServerInstalled())('a worker whose Redis is gone stops cleanly', { timeout: 90_000 }, () => {
  const redis = new PrivateRedis();
  let databaseUrl: string;
  beforeAll(async () => {
    databaseUrl = (await createTestDatabase()).url;
    await redis.start();
  });
  afterAll(() => redis.stop());

  const worker = async () =>
    service('workers/main.ts', {
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis.url,
      QUEUE_PREFIX: `${inject('testRun').keyPrefix}stop`,
      WORKER_PORT: String(await freePort()),
      QUEUE_CLOSE_TIMEOUT_MS: '500',
    });
  const steps = ['http', 'workers', 'queues', 'change feed', 'database pool'];

  it('when Redis went away while it ran: its connections are reconnecting', async () => {
    const child = await worker();
    await child.waitForLog(workersStarted, 'the workers to start');
    await redis.stop();
    await child.waitForLog((line) => line.msg === 'queue backend error', 'the workers to notice that Redis is gone');
    child.signal('SIGTERM');
    await expectOrderlyStop(child, steps);
  });

  it('when Redis never answered: closing waits no longer than its limit, then cuts the connections', async () => {
    await redis.stop();
    const child = await worker();
    await child.waitForLog((line) => line.msg === 'queue backend error', 'the workers to try Redis');
    child.signal('SIGTERM');
    // Without the limit, closing would wait for Redis for good, and the deadline would end it (exit 1).
    await expectOrderlyStop(child, steps);
    expect(child.lines.some((line) => line.msg.startsWith('workers did not close in time'))).toBe(true);
  });
});

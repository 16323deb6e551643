import type { LightMyRequestResponse } from 'fastify';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../../db/connect.ts';
import { buildApp } from '../../src/app.ts';
import type { Config } from '../../src/config.ts';
import { isDependencyUnavailable } from '../../src/dependency-errors.ts';
import { createServices } from '../../src/services/index.ts';
import { BOOTSTRAP_TOKEN, callerFor, createUser, eventually, startTestApp, type Caller, type TestApp } from '../support/app.ts';
import { FreezableProxy } from '../support/freezable-proxy.ts';
import { freePort } from '../support/net.ts';
import { PrivateRedis, redisForTests, redisServerInstalled } from '../support/redis.ts';

const redisUrl = await redisForTests();
const draft = { title: '鄂尔多斯市计生协开展优生优育进家庭活动', eventDate: '2024-05-18' };
const CALENDAR_OK = { status: 'ok', details: { missingYears: [] } };

/** A second API on the same services but another Postgres address: a process whose database went away. */
async function apiOn(t: TestApp, databaseUrl: string, config: Partial<Config> = {}) {
  const database = connectDatabase(databaseUrl, 2);
  const services = createServices({ ...t.opened.infra, config: { ...t.config, ...config }, db: database.db, pool: database.pool });
  const app = await buildApp({ services, logger: false });
  await app.ready();
  return { app, close: async () => Promise.all([app.close(), database.close()]) };
}

const readyz = (app: TestApp['app']) => app.inject({ method: 'GET', url: '/readyz' });

/** Nothing in an unauthenticated body may name an address, a port or a driver error. */
function expectNothingInternal(response: LightMyRequestResponse, port: number) {
  expect(response.body).not.toContain(String(port));
  expect(response.body).not.toMatch(/127\.0\.0\.1|ECONN|timeout|terminat/i);
}

describe('readiness and a Postgres that does not answer', () => {
  let t: TestApp;
  let editor: Caller;
  const cleanups: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    editor = await createUser(t.app, 'editor', '150600');
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('says the process lives at /healthz and ok at /readyz while Postgres answers', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await readyz(t.app);
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ok', checks: { postgres: { status: 'ok' }, calendar: CALENDAR_OK } });
  });

  it('answers 503 with Retry-After to every request while Postgres refuses connections, never 500, and says nothing internal', async () => {
    const port = await freePort();
    const dead = await apiOn(t, `postgres://postgres@127.0.0.1:${port}/nowhere`);
    cleanups.push(dead.close);

    const ready = await readyz(dead.app);
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ status: 'down', checks: { postgres: { status: 'down' }, calendar: CALENDAR_OK } });
    expectNothingInternal(ready, port);

    const deadEditor = callerFor(dead.app, editor.token);
    const admin = callerFor(dead.app, BOOTSTRAP_TOKEN);
    const unknown = callerFor(dead.app, 'nmg_not-a-token');
    const requests = [
      () => deadEditor.get('/v1/submissions'),
      () => deadEditor.post('/v1/submissions', draft),
      () => admin.get('/v1/calendar?year=2024'),
      () => admin.post('/v1/users', { name: '新编辑', role: 'editor', unitCode: '150600' }),
      // More unknown tokens than AUTH_FAILURE_LIMIT: a database that cannot answer is not a failed authentication.
      ...Array.from({ length: t.config.AUTH_FAILURE_LIMIT + 2 }, () => () => unknown.get('/v1/units')),
    ];
    for (const request of requests) {
      const response = await request();
      expect(response.statusCode).toBe(503);
      expect(response.headers['retry-after']).toBe('5');
      expect(response.json().error.code).toBe('service_unavailable');
      expect(response.json().error.message).toMatch(/[\u4e00-\u9fff]/);
      expectNothingInternal(response, port);
    }
  });

  it('answers /readyz within READY_TIMEOUT_MS when Postgres hangs, and recovers with it', async () => {
    const proxy = FreezableProxy.for(t.databaseUrl);
    await proxy.start();
    const frozen = await apiOn(t, proxy.via(t.databaseUrl), { READY_TIMEOUT_MS: 200 });
    cleanups.push(() => proxy.stop(), frozen.close, async () => proxy.thaw());
    // The first connection through the proxy may take longer than 200 ms on a loaded machine.
    await eventually(async () => (await readyz(frozen.app)).statusCode === 200, 30_000, 'ready through the proxy');

    proxy.freeze();
    const ready = await readyz(frozen.app);
    expect(ready.statusCode).toBe(503);
    expect(ready.json().checks.postgres).toEqual({ status: 'down' });

    proxy.thaw();
    await eventually(async () => (await readyz(frozen.app)).statusCode === 200, 30_000, 'ready again');
  });
});

describe.runIf(redisServerInstalled() || Boolean(process.env.CI))('readiness with the queue backend down (a private redis-server)', () => {
  const redis = new PrivateRedis();
  let t: TestApp;
  let editor: Caller;

  beforeAll(async () => {
    await redis.start();
    t = await startTestApp({ queue: { backend: 'redis', redisUrl: redis.url }, env: { READY_TIMEOUT_MS: '200' } });
    editor = await createUser(t.app, 'editor', '150600');
  });
  afterAll(async () => {
    await t?.close();
    await redis.stop();
  });

  it('stays ready but degraded, in /readyz and in dependency_up, while commands keep working', async () => {
    await eventually(async () => (await readyz(t.app)).json().status === 'ok', 30_000, 'connected');
    await redis.stop();

    const ready = await readyz(t.app);
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({
      status: 'degraded',
      checks: { postgres: { status: 'ok' }, queue: { status: 'degraded' }, calendar: CALENDAR_OK },
    });
    expectNothingInternal(ready, redis.port);
    const metrics = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toContain('dependency_up{dependency="queue"} 0');
    expect(metrics).toContain('dependency_up{dependency="postgres"} 1');
    expect((await editor.post('/v1/submissions', draft)).statusCode).toBe(201);

    await redis.start();
    await eventually(async () => (await readyz(t.app)).json().status === 'ok', 30_000, 'queue back');
    expect((await t.app.inject({ method: 'GET', url: '/metrics' })).body).toContain('dependency_up{dependency="queue"} 1');
  });
});

describe.runIf(redisUrl)('readiness with the queue backend frozen', () => {
  let proxy: FreezableProxy;
  let t: TestApp;

  beforeAll(async () => {
    proxy = FreezableProxy.for(redisUrl!);
    await proxy.start();
    t = await startTestApp({ queue: { backend: 'redis', redisUrl: proxy.via(redisUrl!) }, env: { READY_TIMEOUT_MS: '200' } });
  });
  afterAll(async () => {
    proxy?.thaw();
    await t?.close();
    await proxy?.stop();
  });

  it('answers /readyz within READY_TIMEOUT_MS, degraded, when Redis hangs', async () => {
    await eventually(async () => (await readyz(t.app)).json().status === 'ok', 30_000, 'connected');
    proxy.freeze();
    const ready = await readyz(t.app);
    expect(ready.statusCode).toBe(200);
    expect(ready.json().checks.queue).toEqual({ status: 'degraded' });
  });
});

describe('which errors mean that a dependency is unavailable (real errors)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const failureOf = async (work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (error) {
      return error;
    }
    throw new Error('expected a failure');
  };

  it('counts refused connections, pool timeouts, admin shutdown and a disconnected Redis; not bugs or constraint violations', async () => {
    const port = await freePort();
    const refused = await failureOf(() => new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/x` }).connect());
    expect(isDependencyUnavailable(refused)).toBe(true);

    const proxy = FreezableProxy.for(t.databaseUrl);
    await proxy.start();
    proxy.freeze();
    const pool = new pg.Pool({ connectionString: proxy.via(t.databaseUrl), connectionTimeoutMillis: 100 });
    const poolTimeout = await failureOf(() => pool.query('SELECT 1'));
    await proxy.stop();
    await pool.end();
    expect(isDependencyUnavailable(poolTimeout)).toBe(true);

    const victim = new pg.Client({ connectionString: t.databaseUrl });
    victim.on('error', () => {});
    await victim.connect();
    const { rows } = await victim.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const sleeping = failureOf(() => victim.query('SELECT pg_sleep(30)'));
    await eventually(async () => {
      const { rows: killed } = await t.services.pool.query<{ done: boolean }>(
        `SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity WHERE pid = $1 AND query LIKE 'SELECT pg_sleep%'`,
        [rows[0].pid],
      );
      return killed[0]?.done;
    }, 30_000, 'the sleeping query terminated');
    const shutdown = (await sleeping) as { code?: string };
    expect(shutdown.code).toBe('57P01');
    expect(isDependencyUnavailable(shutdown)).toBe(true);

    const redis = new Redis(`redis://127.0.0.1:${port}`, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true });
    redis.on('error', () => {});
    const redisDown = await failureOf(() => redis.ping());
    redis.disconnect();
    expect(isDependencyUnavailable(redisDown)).toBe(true);

    const duplicate = await failureOf(() => t.services.pool.query(`INSERT INTO calendar_years (year) VALUES (2090), (2090)`));
    expect((duplicate as { code?: string }).code).toBe('23505');
    expect(isDependencyUnavailable(duplicate)).toBe(false);
    expect(isDependencyUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
  });
});

import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP_TOKEN, callerFor, createUser, eventually, startTestApp, type Caller, type TestApp } from '../support/app.ts';
import { freePort } from '../support/net.ts';
import { redisForTests } from '../support/redis.ts';

const redisUrl = await redisForTests();
const LONG_CACHE = '600000';

const guess = () => `nmg_${randomBytes(32).toString('base64url')}`;
/** A request from a given client address (inject's default is 127.0.0.1). */
const from = (t: TestApp, token: string, remoteAddress = '127.0.0.1') =>
  t.app.inject({ method: 'GET', url: '/v1/units', remoteAddress, headers: { authorization: `Bearer ${token}` } });

describe('failed authentications per client address', () => {
  let t: TestApp;
  let cachedEditor: Caller;
  let freshEditor: Caller;

  beforeAll(async () => {
    t = await startTestApp({ env: { AUTH_FAILURE_LIMIT: '3', AUTH_FAILURE_WINDOW_MS: '60000', TOKEN_CACHE_MS: LONG_CACHE } });
    cachedEditor = await createUser(t.app, 'editor', '150600');
    freshEditor = await createUser(t.app, 'editor', '150200');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses an address with 429 and Retry-After after AUTH_FAILURE_LIMIT failures, before looking its tokens up', async () => {
    const office = '198.51.100.20';
    expect((await from(t, cachedEditor.token, office)).statusCode).toBe(200);
    for (let i = 0; i < 3; i += 1) expect((await from(t, guess(), office)).statusCode).toBe(401);

    const refused = await from(t, guess(), office);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('too_many_auth_failures');
    expect(refused.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Not looked up: even a valid token this process has not seen yet waits.
    expect((await from(t, freshEditor.token, office)).statusCode).toBe(429);
    // A token already known here costs no lookup: people behind the same address keep working.
    expect((await from(t, cachedEditor.token, office)).statusCode).toBe(200);
    // Other addresses are not concerned.
    expect((await from(t, guess(), '198.51.100.21')).statusCode).toBe(401);
    expect((await from(t, freshEditor.token, '198.51.100.21')).statusCode).toBe(200);
  });

  it('counts only failures: successful and token-less requests leave the count alone', async () => {
    const address = '198.51.100.30';
    for (let i = 0; i < 5; i += 1) {
      expect((await from(t, freshEditor.token, address)).statusCode).toBe(200);
      expect((await t.app.inject({ method: 'GET', url: '/v1/units', remoteAddress: address })).statusCode).toBe(401);
    }
    for (let i = 0; i < 3; i += 1) expect((await from(t, guess(), address)).statusCode).toBe(401);
    expect((await from(t, guess(), address)).statusCode).toBe(429);
  });
});

describe.runIf(redisUrl)('the failure count shared through Redis', () => {
  let a: TestApp;
  let b: TestApp;
  let down: TestApp;

  beforeAll(async () => {
    const env = { REDIS_URL: redisUrl!, QUEUE_PREFIX: `t${randomBytes(4).toString('hex')}`, AUTH_FAILURE_LIMIT: '3' };
    a = await startTestApp({ env });
    b = await startTestApp({ env, databaseUrl: a.databaseUrl });
    down = await startTestApp({ env: { REDIS_URL: `redis://127.0.0.1:${await freePort()}`, AUTH_FAILURE_LIMIT: '3' } });
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close(), down?.close()]);
  });

  it('refuses on one API process the address that failed on another', async () => {
    const address = '203.0.113.40';
    for (let i = 0; i < 3; i += 1) expect((await from(a, guess(), address)).statusCode).toBe(401);
    const refused = await from(b, guess(), address);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });

  it('keeps authenticating (uncounted) while Redis is unreachable', async () => {
    const editor = await createUser(down.app, 'editor', '150600');
    for (let i = 0; i < 5; i += 1) expect((await from(down, guess())).statusCode).toBe(401);
    expect((await from(down, editor.token)).statusCode).toBe(200);
  });
});

describe('the token cache', () => {
  it('is a bounded LRU that unknown tokens do not push good tokens out of', async () => {
    const t = await startTestApp({ env: { TOKEN_CACHE_SIZE: '2', TOKEN_CACHE_MS: LONG_CACHE, AUTH_FAILURE_LIMIT: '1000' } });
    try {
      const [first, second, third] = [await createUser(t.app, 'editor', '150600'), await createUser(t.app, 'editor', '150200'), await createUser(t.app, 'reviewer')];
      for (const user of [first, second, third]) expect((await user.get('/v1/units')).statusCode).toBe(200);
      for (let i = 0; i < 50; i += 1) expect((await from(t, guess())).statusCode).toBe(401);
      // Revoked behind the cache's back (no announcement): only a cached token still passes.
      await t.services.db.updateTable('api_tokens').set({ revoked_at: new Date() }).execute();
      expect((await first.get('/v1/units')).statusCode).toBe(401); // the least recently used of three, with room for two
      expect((await second.get('/v1/units')).statusCode).toBe(200);
      expect((await third.get('/v1/units')).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });
});

describe('disabled and rotated tokens', () => {
  let here: TestApp;
  let elsewhere: TestApp;

  beforeAll(async () => {
    here = await startTestApp({ env: { TOKEN_CACHE_MS: LONG_CACHE } });
    // Another process on the same database, trusting its cache for ten minutes.
    elsewhere = await startTestApp({ env: { TOKEN_CACHE_MS: LONG_CACHE }, databaseUrl: here.databaseUrl });
  });
  afterAll(async () => {
    await Promise.all([here?.close(), elsewhere?.close()]);
  });

  it('stop working at once in the process that changed them and within moments in the others', async () => {
    const admin = callerFor(here.app, BOOTSTRAP_TOKEN);
    const rotated = await createUser(here.app, 'editor', '150600');
    const disabled = await createUser(here.app, 'editor', '150200');
    for (const user of [rotated, disabled]) {
      expect((await user.get('/v1/units')).statusCode).toBe(200);
      expect((await callerFor(elsewhere.app, user.token).get('/v1/units')).statusCode).toBe(200);
    }

    const replacement = (await admin.post(`/v1/users/${rotated.id}/token`)).json().token as string;
    expect((await admin.post(`/v1/users/${disabled.id}/disable`)).statusCode).toBe(204);

    expect((await rotated.get('/v1/units')).statusCode).toBe(401);
    expect((await disabled.get('/v1/units')).statusCode).toBe(401);
    expect((await callerFor(here.app, replacement).get('/v1/units')).statusCode).toBe(200);

    for (const token of [rotated.token, disabled.token]) {
      await eventually(async () => (await callerFor(elsewhere.app, token).get('/v1/units')).statusCode === 401, 30_000, 'revoked elsewhere');
    }
    expect((await callerFor(elsewhere.app, replacement).get('/v1/units')).statusCode).toBe(200);
  });
});

describe('behind a reverse proxy (TRUST_PROXY)', () => {
  const viaProxy = (t: TestApp, client: string) =>
    t.app.inject({ method: 'GET', url: '/v1/units', remoteAddress: '10.0.0.2', headers: { authorization: `Bearer ${guess()}`, 'x-forwarded-for': client } });

  it('counts each client the proxy forwards, not the proxy', async () => {
    const t = await startTestApp({ env: { AUTH_FAILURE_LIMIT: '2', TRUST_PROXY: '10.0.0.2' } });
    try {
      for (let i = 0; i < 2; i += 1) expect((await viaProxy(t, '198.51.100.50')).statusCode).toBe(401);
      expect((await viaProxy(t, '198.51.100.50')).statusCode).toBe(429);
      expect((await viaProxy(t, '198.51.100.51')).statusCode).toBe(401);
    } finally {
      await t.close();
    }
  });

  it('ignores X-Forwarded-For from anyone when it is not set', async () => {
    const t = await startTestApp({ env: { AUTH_FAILURE_LIMIT: '2' } });
    try {
      for (let i = 0; i < 2; i += 1) expect((await viaProxy(t, `198.51.100.6${i}`)).statusCode).toBe(401);
      expect((await viaProxy(t, '198.51.100.69')).statusCode).toBe(429);
    } finally {
      await t.close();
    }
  });
});

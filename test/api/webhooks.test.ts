import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP_TOKEN, callerFor, createUser, startTestApp, type Caller, type TestApp } from '../support/app.ts';

const UNIT = '150600';
const RECEIVER = 'https://hooks.example.com/nmg';

describe('webhook registration', () => {
  let t: TestApp;
  let admin: Caller;
  let others: Caller[];

  beforeAll(async () => {
    t = await startTestApp();
    admin = callerFor(t.app, BOOTSTRAP_TOKEN);
    others = [
      await createUser(t.app, 'editor', UNIT),
      await createUser(t.app, 'approver', UNIT),
      await createUser(t.app, 'reviewer'),
      await createUser(t.app, 'manager'),
    ];
  });
  afterAll(async () => {
    await t?.close();
  });

  const stored = async () => (await t.services.db.selectFrom('webhooks').select('url').execute()).map((w) => w.url);
  const refuses = async (body: object, status: number, code: string) => {
    const before = await stored();
    const response = await admin.post('/v1/webhooks', body);
    expect(response.statusCode, response.body).toBe(status);
    expect(response.json().error.code).toBe(code);
    expect(await stored()).toEqual(before);
    return response.json().error;
  };

  it('lets an admin register a webhook for a unit, shows its secret once, and disable it', async () => {
    const created = await admin.post('/v1/webhooks', { url: RECEIVER, unitCode: UNIT });
    expect(created.statusCode, created.body).toBe(201);
    const hook = created.json();
    expect(hook).toMatchObject({ url: RECEIVER, unitCode: UNIT, userId: null });
    expect(hook.secret.length).toBeGreaterThan(20);
    const listed = (await admin.get('/v1/webhooks')).json();
    expect(listed).toEqual([{ id: hook.id, url: RECEIVER, unitCode: UNIT, userId: null, createdAt: hook.createdAt }]);

    expect((await admin.delete(`/v1/webhooks/${hook.id}`)).statusCode).toBe(204);
    expect((await admin.get('/v1/webhooks')).json()).toEqual([]);
    const again = await admin.delete(`/v1/webhooks/${hook.id}`);
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('not_found');
  });

  it('answers 403 to everyone but admins, for their own unit too, and stores nothing', async () => {
    const hook = (await admin.post('/v1/webhooks', { url: RECEIVER, unitCode: UNIT })).json();
    for (const caller of others) {
      for (const response of [
        await caller.post('/v1/webhooks', { url: 'https://mine.example.com/', unitCode: UNIT }),
        await caller.get('/v1/webhooks'),
        await caller.delete(`/v1/webhooks/${hook.id}`),
      ]) {
        expect(response.statusCode, response.body).toBe(403);
        expect(response.json().error.code).toBe('forbidden');
      }
    }
    expect(await stored()).not.toContain('https://mine.example.com/');
    await admin.delete(`/v1/webhooks/${hook.id}`);
  });

  it.each([
    ['no body fields', {}],
    ['an empty unit code', { unitCode: '' }],
    ['an empty unit code with a URL', { url: RECEIVER, unitCode: '' }],
    ['no unit', { url: RECEIVER }],
    ['an unknown unit', { url: RECEIVER, unitCode: '999999' }],
    ['a user instead of a unit (no longer possible)', { url: RECEIVER, userId: '00000000-0000-4000-8000-000000000000' }],
    ['a URL that is not a string', { url: 42, unitCode: UNIT }],
    ['a too long URL', { url: `https://hooks.example.com/${'a'.repeat(2000)}`, unitCode: UNIT }],
  ])('refuses a body with %s: 400 validation_failed, nothing stored', async (_name, body) => {
    await refuses(body, 400, 'validation_failed');
  });

  it('refuses a NUL in the unit code or the URL: 400 invalid_text (the API-wide text guard), nothing stored', async () => {
    await refuses({ url: RECEIVER, unitCode: '1506\u000000' }, 400, 'invalid_text');
    await refuses({ url: 'http://hooks\u0000.example.com/', unitCode: UNIT }, 400, 'invalid_text');
  });

  it.each([
    ['a URL that is not one', 'not a url', 'webhook_url_invalid'],
    ['another scheme', 'ftp://hooks.example.com/x', 'webhook_url_invalid'],
    ['a file URL', 'file:///etc/passwd', 'webhook_url_invalid'],
    ['credentials in the URL', 'https://user:secret@hooks.example.com/', 'webhook_url_credentials'],
    ['the cloud metadata address', 'http://169.254.169.254/latest/meta-data/', 'webhook_host_forbidden'],
    ['loopback Redis', 'http://127.0.0.1:6379', 'webhook_host_forbidden'],
    ['loopback written as a number', 'http://2130706433/', 'webhook_host_forbidden'],
    ['localhost', 'http://localhost:8080/', 'webhook_host_forbidden'],
    ['IPv6 loopback', 'http://[::1]/', 'webhook_host_forbidden'],
    ['IPv4-mapped loopback', 'http://[::ffff:127.0.0.1]/', 'webhook_host_forbidden'],
    ['a private address', 'http://10.0.0.5/hook', 'webhook_host_forbidden'],
    ['a CGNAT address', 'http://100.64.1.1/hook', 'webhook_host_forbidden'],
    ['a unique local IPv6 address', 'http://[fd12::1]/hook', 'webhook_host_forbidden'],
    ['the unspecified address', 'http://0.0.0.0:3000/', 'webhook_host_forbidden'],
  ])('refuses %s: 400 with a stable code and a Chinese message, nothing stored', async (_name, url, code) => {
    const error = await refuses({ url, unitCode: UNIT }, 400, code);
    expect(error.message).toMatch(/\p{Script=Han}/u);
  });
});

describe('webhook registration with WEBHOOK_ALLOW_HOSTS', () => {
  let t: TestApp;
  let admin: Caller;

  beforeAll(async () => {
    t = await startTestApp({ env: { WEBHOOK_ALLOW_HOSTS: '10.0.0.0/8, receiver.internal' } });
    admin = callerFor(t.app, BOOTSTRAP_TOKEN);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('accepts the internal receivers the deployment allows, and only those', async () => {
    expect((await admin.post('/v1/webhooks', { url: 'http://10.0.0.5/hook', unitCode: UNIT })).statusCode).toBe(201);
    expect((await admin.post('/v1/webhooks', { url: 'http://receiver.internal:8080/hook', unitCode: UNIT })).statusCode).toBe(201);
    const outside = await admin.post('/v1/webhooks', { url: 'http://192.168.1.5/hook', unitCode: UNIT });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.code).toBe('webhook_host_forbidden');
  });
});

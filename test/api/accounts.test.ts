import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP_TOKEN, callerFor, createUser, startTestApp, type Caller, type TestApp } from '../support/app.ts';
import { browserWith, createPerson, SAME_ORIGIN, signedIn, signIn } from '../support/people.ts';

const UNIT = '150600';
const OTHER_UNIT = '150100';
const HOUR = 60 * 60 * 1000;

describe('people sign in: accounts, passwords and sessions', () => {
  let t: TestApp;
  let admin: Caller;

  beforeAll(async () => {
    t = await startTestApp({ now: '2024-05-20T10:00:00+08:00', env: { SIGNIN_MAX_FAILURES_PER_ADDRESS: '1000' } });
    admin = callerFor(t.app, BOOTSTRAP_TOKEN);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('creates a person with a one-time password that must be changed before anything else', async () => {
    const created = await admin.post('/v1/users', { name: '张三', role: 'editor', unitCode: UNIT, login: 'zhangsan', initialPassword: 'Initial-Pass-0001' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ login: 'zhangsan', token: null, role: 'editor', unitCode: UNIT });
    expect(created.body).not.toContain('Initial-Pass-0001');

    const response = await signIn(t.app, 'ZhangSan', 'Initial-Pass-0001');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().user).toMatchObject({ login: 'zhangsan', name: '张三', mustChangePassword: true });
    const cookie = response.cookies.find((c) => c.name === 'nmg_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie.secure).toBeFalsy();

    const browser = browserWith(t.app, cookie.value);
    for (const url of ['/v1/me', '/v1/tasks', '/v1/submissions']) {
      const blocked = await browser.get(url);
      expect(blocked.statusCode, url).toBe(403);
      expect(blocked.json().error.code).toBe('password_change_required');
    }
    const weak = await browser.send('POST', '/v1/me/password', { currentPassword: 'Initial-Pass-0001', newPassword: 'zhangsan123' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error).toMatchObject({ code: 'weak_password' });
    expect(weak.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    const wrong = await browser.send('POST', '/v1/me/password', { currentPassword: 'not-the-password', newPassword: 'Grassland-Sunrise-2024' });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe('wrong_password');
    const changed = await browser.send('POST', '/v1/me/password', { currentPassword: 'Initial-Pass-0001', newPassword: 'Grassland-Sunrise-2024' });
    expect(changed.statusCode, changed.body).toBe(204);

    const me = await browser.get('/v1/me');
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({
      login: 'zhangsan',
      role: 'editor',
      unitCode: UNIT,
      unitName: '鄂尔多斯市',
      mustChangePassword: false,
      openTasks: 0,
      unreadNotifications: 0,
      authenticatedBy: 'session',
    });
    expect((await signIn(t.app, 'zhangsan', 'Initial-Pass-0001')).statusCode).toBe(401);
    expect((await signIn(t.app, 'zhangsan', 'Grassland-Sunrise-2024')).statusCode).toBe(200);
  });

  it('answers a wrong password and an unknown login the same way, in about the same time', async () => {
    await createPerson(t.app, { login: 'lisi', name: '李四', role: 'approver', unitCode: UNIT });
    const wrong = await signIn(t.app, 'lisi', 'Wrong-Password-123');
    const unknown = await signIn(t.app, 'nobody-here', 'Wrong-Password-123');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect(wrong.json().error.code).toBe('invalid_credentials');
    expect(wrong.cookies).toEqual([]);

    // Both paths verify one argon2id hash (an unknown name is checked against a decoy), so their
    // times differ by far less than the cost of that hash, which is what would give a name away.
    // Compared by each path's fastest of twelve interleaved tries: the minimum is the cost of the
    // work itself, with the noise of a busy machine (other tests, other processes) left out.
    const known: number[] = [];
    const missing: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      for (const [login, into] of [['lisi', known], [`ghost${i}`, missing]] as const) {
        const started = performance.now();
        await signIn(t.app, login, `Wrong-Password-${i}`);
        into.push(performance.now() - started);
      }
      // Stay below the lockout, which would answer 429 without checking any password.
      await t.services.db.deleteFrom('sign_in_failures').execute();
    }
    const ratio = Math.min(...known) / Math.min(...missing);
    expect(ratio, `known ${Math.min(...known).toFixed(1)} ms, unknown ${Math.min(...missing).toFixed(1)} ms`).toBeGreaterThan(0.5);
    expect(ratio, `known ${Math.min(...known).toFixed(1)} ms, unknown ${Math.min(...missing).toFixed(1)} ms`).toBeLessThan(2);
  });

  it('locks a login name after five failures, with Retry-After, and releases it after the lock time', async () => {
    const person = await createPerson(t.app, { login: 'wangwu', name: '王五', role: 'reviewer' });
    for (let i = 0; i < 5; i += 1) expect((await signIn(t.app, 'wangwu', `Wrong-Password-${i}`)).statusCode).toBe(401);
    const locked = await signIn(t.app, 'wangwu', person.password);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('sign_in_locked');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
    // An unknown name locks the same way, so a lock tells nothing about who exists.
    for (let i = 0; i < 5; i += 1) await signIn(t.app, 'ghost-user', `Wrong-Password-${i}`);
    expect((await signIn(t.app, 'ghost-user', 'whatever-password')).statusCode).toBe(429);

    t.clock.now += 15 * 60 * 1000 + 1000;
    expect((await signIn(t.app, 'wangwu', person.password)).statusCode).toBe(200);
  });

  it('ends sessions when idle, at their absolute end, at sign-out, and when the password changes', async () => {
    const person = await createPerson(t.app, { login: 'zhaoliu', name: '赵六', role: 'manager' });
    // Idle: 8 hours without a request.
    const idle = await signedIn(t.app, person.login, person.password);
    t.clock.now += 8 * HOUR - 60_000;
    expect((await idle.get('/v1/me')).statusCode).toBe(200);
    t.clock.now += 8 * HOUR - 60_000;
    expect((await idle.get('/v1/me')).statusCode).toBe(200);
    t.clock.now += 8 * HOUR + 1;
    expect((await idle.get('/v1/me')).statusCode).toBe(401);

    // Absolute: a session used every few hours still ends after 7 days.
    const busy = await signedIn(t.app, person.login, person.password);
    for (let elapsed = 0; elapsed < 7 * 24 * HOUR - 4 * HOUR; elapsed += 4 * HOUR) {
      expect((await busy.get('/v1/me')).statusCode).toBe(200);
      t.clock.now += 4 * HOUR;
    }
    t.clock.now += 4 * HOUR;
    expect((await busy.get('/v1/me')).statusCode).toBe(401);

    // Sign-out ends the session and clears the cookie.
    const leaving = await signedIn(t.app, person.login, person.password);
    const out = await leaving.send('DELETE', '/v1/session');
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'nmg_session')?.value).toBe('');
    expect((await leaving.get('/v1/me')).statusCode).toBe(401);

    // A password change ends the person's other sessions, not the one that made it.
    const phone = await signedIn(t.app, person.login, person.password);
    const desk = await signedIn(t.app, person.login, person.password);
    expect((await desk.send('POST', '/v1/me/password', { currentPassword: person.password, newPassword: 'Another-Good-Pass-9' })).statusCode).toBe(204);
    expect((await phone.get('/v1/me')).statusCode).toBe(401);
    expect((await desk.get('/v1/me')).statusCode).toBe(200);

    const sessions = (await admin.get(`/v1/users/${person.id}/sessions`)).json();
    const reasons = sessions.map((s: { endReason: string | null }) => s.endReason);
    expect(reasons).toEqual(expect.arrayContaining(['idle', 'expired', 'signed_out', 'password_changed', null]));
  });

  it('lets an admin reset a password (sessions end, change required) and disable a person (sessions end)', async () => {
    const person = await createPerson(t.app, { login: 'sunqi', name: '孙七', role: 'editor', unitCode: UNIT });
    const session = await signedIn(t.app, person.login, person.password);
    expect((await admin.post(`/v1/users/${person.id}/password`, { initialPassword: 'short' })).statusCode).toBe(400);
    expect((await admin.post(`/v1/users/${person.id}/password`, { initialPassword: 'Reset-Pass-2024x' })).statusCode).toBe(204);
    expect((await session.get('/v1/me')).statusCode).toBe(401);
    const again = await signIn(t.app, person.login, 'Reset-Pass-2024x');
    expect(again.json().user.mustChangePassword).toBe(true);

    const fresh = await createPerson(t.app, { login: 'zhouba', name: '周八', role: 'editor', unitCode: UNIT });
    const live = await signedIn(t.app, fresh.login, fresh.password);
    expect((await admin.post(`/v1/users/${fresh.id}/disable`)).statusCode).toBe(204);
    expect((await live.get('/v1/me')).statusCode).toBe(401);
    expect((await signIn(t.app, fresh.login, fresh.password)).statusCode).toBe(401);
  });

  it('refuses cookie writes from another origin, and allows them from this one and with a bearer token', async () => {
    const person = await createPerson(t.app, { login: 'wujiu', name: '吴九', role: 'editor', unitCode: UNIT });
    const browser = await signedIn(t.app, person.login, person.password);
    const draft = { title: '鄂尔多斯市计生协开展活动', body: '内容。（鄂尔多斯市计生协 吴九 供稿）', eventDate: '2024-05-18' };
    const foreign: Array<Record<string, string>> = [{ origin: 'https://evil.example' }, { 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }, {}];
    for (const headers of foreign) {
      const refused = await browser.send('POST', '/v1/submissions', draft, headers);
      expect(refused.statusCode, JSON.stringify(headers)).toBe(403);
      expect(refused.json().error.code).toBe('cross_site_request');
    }
    expect((await t.services.db.selectFrom('items').select('id').execute()).length).toBe(0);
    expect((await browser.send('POST', '/v1/submissions', draft, SAME_ORIGIN)).statusCode).toBe(201);
    expect((await browser.send('POST', '/v1/submissions', draft, { 'sec-fetch-site': 'same-origin' })).statusCode).toBe(201);
    // Reads need no origin; a bearer write needs none either.
    expect((await browser.get('/v1/submissions')).statusCode).toBe(200);
    const token = (await browser.send('POST', '/v1/me/tokens', { name: '对接系统' })).json().token;
    expect((await callerFor(t.app, token).post('/v1/submissions', draft)).statusCode).toBe(201);
    // A sign-in form posted from another site is refused too.
    expect((await signIn(t.app, person.login, person.password, { origin: 'https://evil.example' })).statusCode).toBe(403);
  });

  it('gives every role the same access by cookie as by token', async () => {
    const roles = [
      { login: 'ed-a', name: '撰稿甲', role: 'editor', unitCode: UNIT },
      { login: 'ap-a', name: '审签甲', role: 'approver', unitCode: UNIT },
      { login: 'rv-a', name: '编辑甲', role: 'reviewer' },
      { login: 'mg-a', name: '管理甲', role: 'manager' },
      { login: 'ad-a', name: '管理员甲', role: 'admin' },
    ];
    const probes: Array<['GET' | 'POST', string, unknown?]> = [
      ['GET', '/v1/tasks'],
      ['GET', '/v1/submissions'],
      ['GET', '/v1/users'],
      ['GET', '/v1/reports/period?from=2024-04-01&to=2024-06-30'],
      ['GET', '/v1/pipeline'],
      ['GET', '/v1/audit'],
      ['POST', '/v1/submissions', { title: '鄂尔多斯市计生协开展活动', body: '内容。', eventDate: '2024-05-18' }],
      ['POST', '/v1/users', { name: 'x', role: 'manager' }],
    ];
    for (const fields of roles) {
      const person = await createPerson(t.app, fields);
      const token = (await person.browser.send('POST', '/v1/me/tokens', { name: '测试' })).json().token as string;
      const bearer = callerFor(t.app, token);
      for (const [method, url, body] of probes) {
        const byCookie = method === 'GET' ? await person.browser.get(url) : await person.browser.send('POST', url, body);
        const byToken = method === 'GET' ? await bearer.get(url) : await bearer.post(url, body);
        expect(byCookie.statusCode, `${fields.role} ${method} ${url}`).toBe(byToken.statusCode);
      }
    }
  });

  it('keeps named API tokens: shown once, listed with their last use, revoked at once', async () => {
    const person = await createPerson(t.app, { login: 'token-user', name: '郑十', role: 'reviewer' });
    const created = await person.browser.send('POST', '/v1/me/tokens', { name: '数据对接' });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json();
    expect(token).toMatch(/^nmg_/);
    expect((await callerFor(t.app, token).get('/v1/me')).json()).toMatchObject({ authenticatedBy: 'token', login: 'token-user' });
    const listed = (await person.browser.get('/v1/me/tokens')).json();
    expect(listed).toEqual([expect.objectContaining({ id, name: '数据对接', revokedAt: null, lastUsedAt: expect.any(String) })]);
    expect(JSON.stringify(listed)).not.toContain(token);
    expect((await person.browser.send('DELETE', `/v1/me/tokens/${id}`)).statusCode).toBe(204);
    expect((await callerFor(t.app, token).get('/v1/me')).statusCode).toBe(401);
  });

  it('shows people the names of those they work with, and no one else', async () => {
    const editor = await createPerson(t.app, { login: 'dir-editor', name: '钱一', role: 'editor', unitCode: UNIT });
    await createUser(t.app, 'approver', OTHER_UNIT, '别的单位审签');
    await createUser(t.app, 'reviewer', undefined, '自治区编辑乙');
    const seen = (await editor.browser.get('/v1/people')).json() as Array<{ name: string; unitCode: string | null; role: string }>;
    expect(seen.some((p) => p.name === '自治区编辑乙' && p.role === 'reviewer')).toBe(true);
    expect(seen.some((p) => p.name === '钱一')).toBe(true);
    expect(seen.some((p) => p.unitCode === OTHER_UNIT)).toBe(false);
    expect(JSON.stringify(seen)).not.toContain('dir-editor');
    const manager = await createPerson(t.app, { login: 'dir-manager', name: '孙二', role: 'manager' });
    const all = (await manager.browser.get('/v1/people')).json() as Array<{ unitCode: string | null }>;
    expect(all.some((p) => p.unitCode === OTHER_UNIT)).toBe(true);
  });

  it('keeps an audit log of sign-ins, failures, passwords, tokens and user changes that admins can filter', async () => {
    const person = await createPerson(t.app, { login: 'audited', name: '冯三', role: 'editor', unitCode: UNIT });
    await signIn(t.app, 'audited', 'Wrong-Password-1');
    const token = (await person.browser.send('POST', '/v1/me/tokens', { name: 'x' })).json();
    await person.browser.send('DELETE', `/v1/me/tokens/${token.id}`);
    await person.browser.send('DELETE', '/v1/session');
    const log = await admin.get(`/v1/audit?userId=${person.id}&limit=50`);
    expect(log.statusCode, log.body).toBe(200);
    const actions = log.json().items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(['sign_out', 'token_revoked', 'token_created', 'sign_in_failed', 'password_changed', 'sign_in', 'user_created']);
    expect(log.json().items.at(-1)).toMatchObject({ actor: { name: 'bootstrap admin' }, subject: { id: person.id, name: '冯三' } });
    const editor = await createPerson(t.app, { login: 'not-admin', name: '卫四', role: 'editor', unitCode: UNIT });
    expect((await editor.browser.get('/v1/audit')).statusCode).toBe(403);
    const failures = (await admin.get('/v1/audit?action=sign_in_failed')).json().items;
    expect(failures.length).toBeGreaterThan(0);
    expect(JSON.stringify(failures)).not.toContain('Wrong-Password');
  });

  it('refuses bad account input with clear answers and stores nothing', async () => {
    const before = (await admin.get('/v1/users')).json().length;
    const cases: Array<[unknown, number, string]> = [
      [{ name: 'a', role: 'editor', unitCode: UNIT, login: 'only-login' }, 400, 'validation_failed'],
      [{ name: 'a', role: 'editor', unitCode: UNIT, login: 'has space', initialPassword: 'Initial-Pass-0001' }, 400, 'validation_failed'],
      [{ name: 'a', role: 'editor', unitCode: UNIT, login: 'weakling', initialPassword: '1234567890' }, 400, 'weak_password'],
      [{ name: 'a', role: 'editor', unitCode: UNIT, login: 'ZHANGSAN', initialPassword: 'Initial-Pass-0001' }, 409, 'login_taken'],
    ];
    for (const [body, status, code] of cases) {
      const response = await admin.post('/v1/users', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(status);
      expect(response.json().error.code).toBe(code);
    }
    expect((await admin.get('/v1/users')).json().length).toBe(before);
    expect((await t.app.inject({ method: 'POST', url: '/v1/session', payload: { login: '' } })).statusCode).toBe(400);
  });
});

describe('session cookies behind HTTPS', () => {
  it('are Secure when the service is told it is reached over HTTPS', async () => {
    const t = await startTestApp({ env: { SECURE_COOKIES: 'true' } });
    try {
      await callerFor(t.app, BOOTSTRAP_TOKEN).post('/v1/users', { name: '甲', role: 'manager', login: 'secure-one', initialPassword: 'Initial-Pass-0001' });
      const response = await signIn(t.app, 'secure-one', 'Initial-Pass-0001');
      expect(response.cookies.find((c) => c.name === 'nmg_session')).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict' });
    } finally {
      await t.close();
    }
  });
});

describe('npm run create-admin', () => {
  it('makes an admin who signs in to the console at once, reading the password from stdin', async () => {
    const t = await startTestApp();
    try {
      const run = (password: string, ...args: string[]) => {
        const child = execFile(process.execPath, ['src/create-admin.ts', ...args], { env: { ...process.env, DATABASE_URL: t.databaseUrl } });
        child.stdin!.end(`${password}\n`);
        return new Promise<{ code: number; out: string }>((resolve) => {
          let out = '';
          child.stdout!.on('data', (d) => (out += d));
          child.stderr!.on('data', (d) => (out += d));
          child.on('exit', (code) => resolve({ code: code ?? -1, out }));
        });
      };
      expect((await run('Steppe-Horse-2024', '--login', 'chief', '--name', '系统管理员')).code).toBe(0);
      const signedInAnswer = await signIn(t.app, 'chief', 'Steppe-Horse-2024');
      expect(signedInAnswer.statusCode).toBe(200);
      expect(signedInAnswer.json().user).toMatchObject({ role: 'admin', name: '系统管理员', mustChangePassword: false });
      const weak = await run('chief1234567', '--login', 'chief');
      expect(weak.code).toBe(1);
      expect(weak.out).toContain('密码不能包含登录名');
      expect((await run('x')).code).toBe(2);
    } finally {
      await t.close();
    }
  });
});

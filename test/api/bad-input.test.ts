import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP_TOKEN, callerFor, createReadyDraft, createUser, eventually, startTestApp, type Caller, type TestApp } from '../support/app.ts';

let t: TestApp;
let editor: Caller;
let manager: Caller;
let itemId: string;
let imageId: string;

beforeAll(async () => {
  t = await startTestApp({ now: '2024-05-20T10:00:00+08:00' });
  editor = await createUser(t.app, 'editor', '150600');
  manager = await createUser(t.app, 'manager');
  itemId = (await createReadyDraft(editor, { title: '鄂尔多斯市计生协开展活动', body: '内容。（鄂尔多斯市计生协 张三 供稿）', eventDate: '2024-05-18' })).id;
  imageId = (await editor.get(`/v1/submissions/${itemId}/images`)).json()[0].id;
});
afterAll(async () => {
  await t?.close();
});

type Request = { method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; url: string; headers?: Record<string, string>; payload?: string | object; token?: string };

/** A caller's mistakes of every kind: each gets a 4xx with a stable code and the error shape, never a 500. */
describe('bad input', () => {
  const cases: Array<[string, () => Request]> = [
    ['text/plain body', () => ({ method: 'POST', url: '/v1/submissions', headers: { 'content-type': 'text/plain' }, payload: 'hello' })],
    ['empty JSON body', () => ({ method: 'POST', url: `/v1/submissions/${itemId}/actions`, headers: { 'content-type': 'application/json' }, payload: '' })],
    ['prototype pollution', () => ({ method: 'POST', url: '/v1/submissions', headers: { 'content-type': 'application/json' }, payload: '{"__proto__":{"x":1},"title":"a","eventDate":"2024-05-18"}' })],
    ['array body', () => ({ method: 'POST', url: '/v1/submissions', payload: [1, 2] })],
    ['title too long', () => ({ method: 'POST', url: '/v1/submissions', payload: { title: '标'.repeat(201), eventDate: '2024-05-18' } })],
    ['wrong types', () => ({ method: 'POST', url: '/v1/submissions', payload: { title: 1, eventDate: 20240518, major: 'yes' } })],
    ['empty patch', () => ({ method: 'PATCH', url: `/v1/submissions/${itemId}`, payload: {} })],
    ['bad state filter', () => ({ method: 'GET', url: '/v1/submissions?state=published' })],
    ['bad limit', () => ({ method: 'GET', url: '/v1/tasks?limit=abc' })],
    ['bad task id', () => ({ method: 'POST', url: '/v1/tasks/123/claim' })],
    ['garbage If-Match', () => ({ method: 'PATCH', url: `/v1/submissions/${itemId}`, headers: { 'if-match': 'xyz' }, payload: { title: '鄂尔多斯市计生协开展活动' } })],
    ['long Idempotency-Key', () => ({ method: 'POST', url: `/v1/submissions/${itemId}/actions`, headers: { 'idempotency-key': 'k'.repeat(300) }, payload: { action: 'withdraw' } })],
    ['bad image id', () => ({ method: 'GET', url: `/v1/submissions/${itemId}/images/nope` })],
    ['unknown image', () => ({ method: 'GET', url: `/v1/submissions/${itemId}/images/00000000-0000-4000-8000-000000000000` })],
    ['broken multipart', () => ({ method: 'POST', url: `/v1/submissions/${itemId}/images`, headers: { 'content-type': 'multipart/form-data; boundary=xyz' }, payload: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nabc' })],
    ['multipart without boundary', () => ({ method: 'POST', url: `/v1/submissions/${itemId}/images`, headers: { 'content-type': 'multipart/form-data' }, payload: 'abc' })],
    ['bad notification id', () => ({ method: 'POST', url: '/v1/notifications/abc/read' })],
    ['bad webhook url', () => ({ method: 'POST', url: '/v1/webhooks', payload: { url: 'not a url' } })],
    ['webhook for an unknown user', () => ({ method: 'POST', url: '/v1/webhooks', token: BOOTSTRAP_TOKEN, payload: { url: 'http://127.0.0.1:9/x', userId: '00000000-0000-4000-8000-000000000000' } })],
    ['bad calendar date', () => ({ method: 'PUT', url: '/v1/calendar/2024-13-01', token: BOOTSTRAP_TOKEN, payload: { workday: true } })],
    ['bad calendar year', () => ({ method: 'GET', url: '/v1/calendar?year=abc' })],
    ['bad report dates', () => ({ method: 'GET', url: '/v1/reports/period?from=2024-04-01&to=yesterday', token: 'manager' })],
    ['bad report format', () => ({ method: 'GET', url: '/v1/reports/period?from=2024-04-01&to=2024-06-30&format=pdf', token: 'manager' })],
    ['import not a list', () => ({ method: 'POST', url: '/v1/import/submissions', token: BOOTSTRAP_TOKEN, payload: { items: 'x' } })],
    ['import broken CSV', () => ({ method: 'POST', url: '/v1/import/submissions', token: BOOTSTRAP_TOKEN, headers: { 'content-type': 'text/csv' }, payload: 'a,b\n"unterminated' })],
    ['scoring rules year out of range', () => ({ method: 'GET', url: '/v1/scoring-rules/1900' })],
    ['failed job of an unknown queue', () => ({ method: 'POST', url: '/v1/admin/failed-jobs/nope/1/retry', token: BOOTSTRAP_TOKEN })],
    ['unknown route', () => ({ method: 'GET', url: '/v1/nothing-here' })],
    ['malformed authorization', () => ({ method: 'GET', url: '/v1/units', headers: { authorization: 'Basic abc' }, token: 'none' })],
  ];

  for (const [name, make] of cases) {
    it(name, async () => {
      const request = make();
      const token = request.token === 'manager' ? manager.token : request.token === 'none' ? undefined : (request.token ?? editor.token);
      const headers = { ...(token ? { authorization: `Bearer ${token}` } : {}), ...request.headers };
      const response = await t.app.inject({ method: request.method, url: request.url, headers, payload: request.payload as string });
      expect(response.statusCode, response.body).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, response.body).toBeLessThan(500);
      const body = response.json();
      expect(typeof body.error.code).toBe('string');
      expect(typeof body.error.message).toBe('string');
    });
  }

  it('lost nothing: the item is as it was', async () => {
    const item = (await editor.get(`/v1/submissions/${itemId}`)).json();
    // Version 2: created, then its photo uploaded (a step of its history).
    expect(item).toMatchObject({ state: 'draft', version: 2, title: '鄂尔多斯市计生协开展活动' });
  });
});

/** Every item, as an admin sees them. */
const allItems = async () => (await callerFor(t.app, BOOTSTRAP_TOKEN).get('/v1/submissions?limit=200')).json().items as Array<{ id: string; version: number; title: string }>;

/**
 * Text Postgres cannot store (a NUL; a lone surrogate in jsonb) used to reach the database and come
 * back as a 500. One guard refuses it in every path, query and JSON or CSV body, naming the field.
 */
describe('text the database cannot store', () => {
  const NUL = '\u0000';
  const cases: Array<[string, string, () => Request]> = [
    ['title', 'body.title', () => ({ method: 'POST', url: '/v1/submissions', payload: { title: `鄂尔多斯${NUL}`, eventDate: '2024-05-18' } })],
    ['body', 'body.body', () => ({ method: 'POST', url: '/v1/submissions', payload: { title: '鄂尔多斯市计生协开展活动', body: `内容${NUL}`, eventDate: '2024-05-18' } })],
    ['wechatUrl', 'body.wechatUrl', () => ({ method: 'POST', url: '/v1/submissions', payload: { title: '鄂尔多斯市计生协开展活动', eventDate: '2024-05-18', wechatUrl: `https://mp.weixin.qq.com/s/${NUL}` } })],
    ['edited title', 'body.title', () => ({ method: 'PATCH', url: `/v1/submissions/${itemId}`, payload: { title: `${NUL}` } })],
    ['reason', 'body.reason', () => ({ method: 'POST', url: `/v1/submissions/${itemId}/actions`, payload: { action: 'return', reason: `理由${NUL}` } })],
    ['signer', 'body.signer', () => ({ method: 'POST', url: `/v1/submissions/${itemId}/actions`, payload: { action: 'sign_off', signer: `王${NUL}` } })],
    ['user name', 'body.name', () => ({ method: 'POST', url: '/v1/users', token: BOOTSTRAP_TOKEN, payload: { name: `张${NUL}三`, role: 'manager' } })],
    ['photo caption', 'body.caption', () => ({ method: 'PATCH', url: `/v1/submissions/${itemId}/images/${imageId}`, payload: { caption: `图注${NUL}` } })],
    ['photo caption in the query', 'query.caption', () => ({ method: 'POST', url: `/v1/submissions/${itemId}/images?caption=%00`, headers: { 'content-type': 'multipart/form-data; boundary=xyz' }, payload: '--xyz--\r\n' })],
    ['photo caption as a form field', 'body.caption', () => ({
      method: 'POST',
      url: `/v1/submissions/${itemId}/images`,
      headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
      payload: `--xyz\r\nContent-Disposition: form-data; name="caption"\r\n\r\n图注${NUL}\r\n--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\nnot-a-png\r\n--xyz--\r\n`,
    })],
    ['calendar note', 'body.note', () => ({ method: 'PUT', url: '/v1/calendar/2024-06-03', token: BOOTSTRAP_TOKEN, payload: { workday: false, note: `端午${NUL}` } })],
    ['webhook unit', 'body.unitCode', () => ({ method: 'POST', url: '/v1/webhooks', token: BOOTSTRAP_TOKEN, payload: { url: 'https://example.com/hook', unitCode: NUL } })],
    ['query filter', 'query.unitCode', () => ({ method: 'GET', url: '/v1/submissions?unitCode=%00' })],
    ['path', 'params.id', () => ({ method: 'POST', url: '/v1/notifications/%00/read' })],
    ['property name', 'body."ti\\u0000tle"', () => ({ method: 'POST', url: '/v1/submissions', headers: { 'content-type': 'application/json' }, payload: '{"ti\\u0000tle":"x","title":"鄂尔多斯市计生协开展活动","eventDate":"2024-05-18"}' })],
    ['lone surrogate', 'body.title', () => ({ method: 'POST', url: '/v1/submissions', headers: { 'content-type': 'application/json', 'idempotency-key': 'surrogate' }, payload: '{"title":"鄂尔多斯\\ud800市计生协开展活动","eventDate":"2024-05-18"}' })],
  ];

  for (const [name, path, make] of cases) {
    it(`${name}: 400 invalid_text naming ${path}`, async () => {
      const request = make();
      const headers = { authorization: `Bearer ${request.token ?? editor.token}`, ...request.headers };
      const response = await t.app.inject({ method: request.method, url: request.url, headers, payload: request.payload as string });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'invalid_text', details: [{ path }] });
      expect(response.json().error.message).toContain(path);
    });
  }

  it('stored none of it', async () => {
    expect(await allItems()).toEqual([expect.objectContaining({ id: itemId, version: 2, title: '鄂尔多斯市计生协开展活动' })]);
    const admin = callerFor(t.app, BOOTSTRAP_TOKEN);
    expect((await admin.get('/v1/users')).json().map((u: { role: string }) => u.role).sort()).toEqual(['editor', 'manager']);
    expect((await admin.get('/v1/webhooks')).json()).toEqual([]);
    expect((await editor.get(`/v1/submissions/${itemId}/images`)).json()).toEqual([expect.objectContaining({ id: imageId, caption: '活动现场' })]);
    const calendar = (await admin.get('/v1/calendar?year=2024')).json();
    expect(calendar.days.filter((d: { source: string }) => d.source === 'admin')).toEqual([]);
  });
});

/** Every crafted cursor used to reach a SQL cast and come back as a 500. */
describe('cursors the service did not make', () => {
  const id = '00000000-0000-4000-8000-000000000000';
  const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
  const crafted: Array<[string, string]> = [
    ['not base64 JSON', 'zzz'],
    ['not JSON', b64('[1,')],
    ['null', b64(null)],
    ['an object', b64({ createdAt: '2024-05-20T00:00:00.000Z', id })],
    ['empty list', b64([])],
    ['one part', b64(['2024-05-20T00:00:00.000Z'])],
    ['three parts', b64(['2024-05-20T00:00:00.000Z', id, id])],
    ['numbers', b64([1, 2])],
    ['not a time', b64(['yesterday', id])],
    ['a date only', b64(['2024-05-20', id])],
    ['February 30', b64(['2024-02-30T00:00:00.000Z', id])],
    ['year 0000', b64(['0000-01-01T00:00:00.000Z', id])],
    ['year 10000', b64(['+010000-01-01T00:00:00.000Z', id])],
    ['an offset', b64(['2024-05-20T08:00:00.000+08:00', id])],
    ['not a uuid', b64(['2024-05-20T00:00:00.000Z', 'not-a-uuid'])],
    ['infinity and no uuid', b64(['infinity', 'x'])],
    ['SQL', b64(["2024-05-20T00:00:00.000Z'); DROP TABLE items; --", id])],
    ['a NUL inside', b64(['2024-05-20T00:00:00.000Z\u0000', id])],
  ];
  for (const [name, cursor] of crafted) {
    for (const list of ['/v1/submissions', '/v1/tasks']) {
      it(`${name} in ${list}: 400 invalid_cursor`, async () => {
        const response = await editor.get(`${list}?cursor=${encodeURIComponent(cursor)}`);
        expect(response.statusCode, response.body).toBe(400);
        expect(response.json().error.code).toBe('invalid_cursor');
      });
    }
  }

  it('the cursors the service makes still page through lists and tasks', async () => {
    const draft = { title: '鄂尔多斯市计生协开展活动', eventDate: '2024-05-18' };
    const extra = (await editor.post('/v1/submissions', draft)).json().id;
    for (const list of ['/v1/submissions', '/v1/tasks']) {
      const first = (await editor.get(`${list}?limit=1`)).json();
      expect(first.nextCursor, list).toEqual(expect.any(String));
      const second = (await editor.get(`${list}?limit=1&cursor=${first.nextCursor}`)).json();
      expect([...first.items, ...second.items].map((i: { id: string }) => i.id).sort(), list).toEqual([itemId, extra].sort());
    }
    await editor.post(`/v1/submissions/${extra}/actions`, { action: 'withdraw' });
  });

  it('notification pages take a positive whole id only', async () => {
    for (const before of ['0', '-1', '1.5', 'abc', '1e300', '99999999999999999999']) {
      const response = await editor.get(`/v1/notifications?before=${before}`);
      expect(response.statusCode, `${before}: ${response.body}`).toBe(400);
    }
    expect((await editor.get(`/v1/notifications?before=${Number.MAX_SAFE_INTEGER}`)).statusCode).toBe(200);
  });
});

/**
 * One Idempotency-Key on two items at the same moment: both commands read no stored answer, so
 * both write, and the second write's key row collides. A transaction holding the same key makes
 * the moment certain: both writes wait on it, and when it rolls back one wins and the other loses.
 */
describe('one Idempotency-Key on two items at once', () => {
  it('answers one and refuses the other with 422 idempotency_key_reused, storing nothing for it', async () => {
    const draft = { title: '鄂尔多斯市计生协开展活动', eventDate: '2024-05-18' };
    const ids = await Promise.all([1, 2].map(async () => (await editor.post('/v1/submissions', draft)).json().id as string));
    const blocker = new pg.Client({ connectionString: t.databaseUrl });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query(`INSERT INTO idempotency_keys (user_id, key, request_hash, status, response) VALUES ($1, 'twice', 'x', 200, '{}')`, [editor.id]);
      const answers = Promise.all(ids.map((id) => editor.patch(`/v1/submissions/${id}`, { body: '新内容' }, { 'idempotency-key': 'twice' })));
      await eventually(async () => {
        const { rows } = await blocker.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        return rows[0].n === 2;
      }, 10_000, 'both writes waiting on the key');
      await blocker.query('ROLLBACK');
      const [a, b] = await answers;
      const statuses = [a.statusCode, b.statusCode].sort();
      expect(statuses, `${a.body} ${b.body}`).toEqual([200, 422]);
      const refused = a.statusCode === 422 ? a : b;
      expect(refused.json().error.code).toBe('idempotency_key_reused');
    } finally {
      await blocker.end();
    }
    const versions = await Promise.all(ids.map(async (id) => (await editor.get(`/v1/submissions/${id}`)).json().version));
    expect(versions.sort()).toEqual([1, 2]);
    const histories = await Promise.all(ids.map(async (id) => (await editor.get(`/v1/submissions/${id}/history`)).json().length));
    expect(histories.sort()).toEqual([1, 2]);
    // Sent again, the key answers as it did for the winner and refuses the other item.
    const again = await Promise.all(ids.map((id) => editor.patch(`/v1/submissions/${id}`, { body: '新内容' }, { 'idempotency-key': 'twice' })));
    expect(again.map((r) => r.statusCode).sort()).toEqual([200, 422]);
  });
});

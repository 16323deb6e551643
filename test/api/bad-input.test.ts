import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP_TOKEN, createReadyDraft, createUser, startTestApp, type Caller, type TestApp } from '../support/app.ts';

let t: TestApp;
let editor: Caller;
let manager: Caller;
let itemId: string;

beforeAll(async () => {
  t = await startTestApp({ now: '2024-05-20T10:00:00+08:00' });
  editor = await createUser(t.app, 'editor', '150600');
  manager = await createUser(t.app, 'manager');
  itemId = (await createReadyDraft(editor, { title: '鄂尔多斯市计生协开展活动', body: '内容。（鄂尔多斯市计生协 张三 供稿）', eventDate: '2024-05-18' })).id;
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
    expect(item).toMatchObject({ state: 'draft', version: 1, title: '鄂尔多斯市计生协开展活动' });
  });
});

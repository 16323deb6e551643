import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

const SAMPLE_PARAMS: Record<string, string> = { date: '2024-05-20', year: '2024' };
const UUID = '00000000-0000-4000-8000-000000000000';

/** Every documented route, its path parameters filled in with values of the right form. */
function documentedRoutes(): Array<{ method: string; url: string }> {
  const document = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.keys(operations)
      .filter((method) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map((method) => ({ method: method.toUpperCase(), url: path.replace(/\{(\w+)\}/g, (_, name: string) => SAMPLE_PARAMS[name] ?? UUID) })),
  );
}

const expectEnvelope = (body: { error: { code: string; message: string } }, code: string) => {
  expect(body.error.code).toBe(code);
  expect(body.error.message).toMatch(/\p{Script=Han}/u);
};

/** A query parameter a route does not define is refused everywhere, naming it; never silently ignored. */
describe('unknown query parameters', () => {
  it('are a 400 naming them on every route of the API, before authentication', async () => {
    const routes = documentedRoutes();
    expect(routes.length).toBeGreaterThan(40);
    for (const { method, url } of routes) {
      const response = await t.app.inject({ method: method as 'GET', url: `${url}?bogus=1&alsoBogus=2` });
      expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(400);
      const { error } = response.json();
      expectEnvelope(response.json(), 'unknown_query_parameter');
      expect(error.message, `${method} ${url}`).toContain('bogus、alsoBogus');
      expect(error.details).toEqual([
        { path: 'query.bogus', message: '不支持的查询参数' },
        { path: 'query.alsoBogus', message: '不支持的查询参数' },
      ]);
    }
  });

  it('names only the unknown ones beside known parameters, misspellings included', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/v1/submissions?limit=5&stat=draft' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'unknown_query_parameter', details: [{ path: 'query.stat' }] });
  });

  it('leave known parameters alone: the request goes on to authentication', async () => {
    for (const url of ['/v1/submissions?limit=5&state=draft&q=%E6%B4%BB%E5%8A%A8', '/v1/tasks?late=true&unitCode=150600', '/v1/calendar?year=2024']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(401);
    }
  });

  it('are refused in English when English is asked for', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/v1/me?verbose=1', headers: { 'accept-language': 'en' } });
    expect(response.json().error).toMatchObject({
      code: 'unknown_query_parameter',
      message: expect.stringContaining('Unknown query parameter: verbose'),
      details: [{ path: 'query.verbose', message: 'unknown query parameter' }],
    });
  });
});

/** A query string or URL the API cannot read gets the same envelope as every other 400. */
describe('bad query strings and URLs', () => {
  const cases: Array<[string, string, number, string]> = [
    ['a number that is not one', '/v1/submissions?limit=abc', 400, 'validation_failed'],
    ['a parameter given twice', '/v1/submissions?limit=1&limit=2', 400, 'validation_failed'],
    ['a value out of range', '/v1/tasks?limit=0', 400, 'validation_failed'],
    ['broken percent-encoding in the path', '/v1/submissions/%E0%A4%A', 400, 'invalid_url'],
    ['an over-long path parameter', `/v1/submissions/${'a'.repeat(200)}`, 414, 'uri_too_long'],
  ];
  for (const [name, url, status, code] of cases) {
    it(name, async () => {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode, response.body).toBe(status);
      expectEnvelope(response.json(), code);
    });
  }
});

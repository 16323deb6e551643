import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CONSOLE_DIST } from '../../src/routes/console.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });

describe('the console served by the service', () => {
  test('/ and any page address answer the app’s index.html, checked on every load', async () => {
    for (const url of ['/', '/tasks', '/items/5f0c7c3e-0000-4000-8000-000000000000', '/stats?tab=bulletin']) {
      const page = await get(url);
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.body).toContain('<div id="root"></div>');
    }
  });

  test('hashed build files are cached for a year', async () => {
    const asset = readdirSync(path.join(CONSOLE_DIST, 'assets')).find((f) => f.endsWith('.js'))!;
    const answer = await get(`/assets/${asset}`);
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  test('the service’s own paths are untouched: unknown API paths stay JSON 404s, the spec and /docs still answer', async () => {
    for (const url of ['/v1/nothing-here', '/v1', '/healthz/extra', '/metrics/x', '/openapi.json/x']) {
      const answer = await get(url);
      expect(answer.statusCode, url).toBe(404);
      expect(answer.json().error.code).toBe('not_found');
    }
    expect((await get('/openapi.json')).json().openapi).toMatch(/^3\./);
    expect((await get('/healthz')).statusCode).toBe(200);
    const docs = await get('/docs');
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
    // Only GET falls back to the app: a POST to an unknown path is still the API's 404.
    const post = await t.app.inject({ method: 'POST', url: '/tasks', payload: {} });
    expect(post.statusCode).toBe(404);
  });

  test('the content security policy lets the console run (own scripts, Ant Design’s inline styles, blob: previews) and nothing else', async () => {
    const policy = Object.fromEntries(
      String((await get('/')).headers['content-security-policy'])
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );
    expect(policy['script-src']).toEqual(["'self'"]);
    expect(policy['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy['img-src']).toEqual(["'self'", 'data:', 'blob:']);
    expect(policy['connect-src']).toEqual(["'self'"]);
    expect(policy['frame-ancestors']).toEqual(["'none'"]);
  });
});

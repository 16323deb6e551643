import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, startTestApp, type Caller, type TestApp } from '../support/app.ts';

const METRICS_TOKEN = 'metrics-token-for-tests-0123456789';

/** A content security policy as directive → sources. */
function parsePolicy(header: string | string[] | number | undefined): Map<string, string[]> {
  const policy = new Map<string, string[]>();
  for (const part of String(header ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

/** Whether a policy lets the page load `source` for `directive` (falling back to default-src, as browsers do). */
function allows(policy: Map<string, string[]>, directive: string, source: string): boolean {
  const sources = policy.get(directive) ?? policy.get('default-src');
  return sources !== undefined && sources.includes(source);
}

let t: TestApp;
let editor: Caller;

beforeAll(async () => {
  t = await startTestApp();
  editor = await createUser(t.app, 'editor', '150600');
});
afterAll(async () => {
  await t?.close();
});

describe('security headers', () => {
  it('are on every API answer: nosniff, no framing, no referrer, a content security policy', async () => {
    const answers = [
      await editor.get('/v1/units'),
      await t.app.inject({ method: 'GET', url: '/v1/units' }),
      await t.app.inject({ method: 'GET', url: '/v1/nothing-here' }),
      await editor.post('/v1/submissions', { title: '' }),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([200, 401, 404, 400]);
    for (const answer of answers) {
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['x-frame-options']).toBe('DENY');
      expect(answer.headers['referrer-policy']).toBe('no-referrer');
      const policy = parsePolicy(answer.headers['content-security-policy']);
      expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
      expect(policy.get('object-src')).toEqual(["'none'"]);
    }
  });

  it('let the /docs page load everything it needs under its policy', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/docs' });
    expect(page.statusCode).toBe(200);
    const policy = parsePolicy(page.headers['content-security-policy']);
    // Installs reached over plain HTTP inside the network would otherwise have every asset upgraded to https.
    expect(policy.has('upgrade-insecure-requests')).toBe(false);

    const scripts = [...page.body.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    const assets: { url: string; directive: string }[] = [];
    for (const [, attributes, inline] of scripts) {
      expect(inline.trim()).toBe(''); // no inline script: script-src 'self' suffices
      assets.push({ url: /src="([^"]+)"/.exec(attributes)![1], directive: 'script-src' });
    }
    for (const [, rel, href] of page.body.matchAll(/<link rel="([^"]+)"[^>]*href="([^"]+)"/g)) {
      assets.push({ url: href, directive: rel === 'stylesheet' ? 'style-src' : 'img-src' });
    }
    expect(assets.some((a) => a.directive === 'style-src')).toBe(true);
    for (const { url, directive } of assets) {
      expect(url.startsWith('/'), url).toBe(true); // same origin
      expect(allows(policy, directive, "'self'"), `${directive} for ${url}`).toBe(true);
      const asset = await t.app.inject({ method: 'GET', url });
      expect(asset.statusCode, url).toBe(200);
      // Its styles draw icons from data: URIs.
      if (directive === 'style-src' && asset.body.includes('url(data:')) expect(allows(policy, 'img-src', 'data:')).toBe(true);
    }
    // The page fetches the API description from its own origin.
    expect(allows(policy, 'connect-src', "'self'")).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: '/docs/json' })).json().openapi).toMatch(/^3\./);
  });
});

describe('/metrics', () => {
  let guarded: TestApp;
  beforeAll(async () => {
    guarded = await startTestApp({ env: { METRICS_TOKEN } });
  });
  afterAll(async () => {
    await guarded?.close();
  });

  const metrics = (app: TestApp['app'], remoteAddress: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url: '/metrics', remoteAddress, headers });

  it('answers only clients on this machine when METRICS_TOKEN is not set', async () => {
    expect((await metrics(t.app, '127.0.0.1')).statusCode).toBe(200);
    expect((await metrics(t.app, '::1')).statusCode).toBe(200);
    const remote = await metrics(t.app, '203.0.113.9');
    expect(remote.statusCode).toBe(403);
    expect(remote.json().error.code).toBe('forbidden');
    expect(remote.body).not.toContain('http_request_duration_seconds');
    // Through a proxy on this machine: the client is elsewhere.
    expect((await metrics(t.app, '127.0.0.1', { 'x-forwarded-for': '203.0.113.9' })).statusCode).toBe(403);
  });

  it('asks for the token when METRICS_TOKEN is set, from anywhere', async () => {
    expect((await metrics(guarded.app, '127.0.0.1')).statusCode).toBe(401);
    expect((await metrics(guarded.app, '203.0.113.9', { authorization: 'Bearer wrong-token-0123456789' })).statusCode).toBe(401);
    const allowed = await metrics(guarded.app, '203.0.113.9', { authorization: `Bearer ${METRICS_TOKEN}` });
    expect(allowed.statusCode).toBe(200);
    expect(allowed.body).toContain('http_request_duration_seconds');
  });
});

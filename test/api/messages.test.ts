import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, ERROR_CODES, errors } from '../../src/errors.ts';
import { languageOf } from '../../src/language.ts';
import { BOOTSTRAP_TOKEN, createUser, startTestApp, type Caller, type TestApp } from '../support/app.ts';

const HAN = /\p{Script=Han}/u;
const UUID = '00000000-0000-4000-8000-000000000000';

let t: TestApp;
let editor: Caller;
let draftId: string;

beforeAll(async () => {
  t = await startTestApp();
  editor = await createUser(t.app, 'editor', '150600');
  draftId = (await editor.post('/v1/submissions', { title: '鄂尔多斯市计生协开展活动', eventDate: '2024-05-18' })).json().id;
});
afterAll(async () => {
  await t?.close();
});

type Sample = { method: 'GET' | 'POST' | 'PATCH'; url: string; token?: string; headers?: Record<string, string>; payload?: string | object };

/** Error paths of every kind: the API's own, zod's, Fastify's (404 route, 400 JSON, 413, 414, 415) and a 503. */
const samples: Array<[string, () => Sample, number, string, RegExp, RegExp]> = [
  ['no credentials', () => ({ method: 'GET', url: '/v1/me' }), 401, 'unauthenticated', /请先登录/, /Sign in/],
  ['an unknown route', () => ({ method: 'GET', url: '/v1/nothing-here?x=1' }), 404, 'not_found', /找不到接口 GET \/v1\/nothing-here$/, /^Route GET \/v1\/nothing-here not found$/],
  ['an unknown item', () => ({ method: 'GET', url: `/v1/submissions/${UUID}`, token: BOOTSTRAP_TOKEN }), 404, 'not_found', /找不到该信息/, /^Submission not found$/],
  ['a role that may not', () => ({ method: 'GET', url: '/v1/webhooks', token: 'editor' }), 403, 'forbidden', /无权/, /may not/],
  ['a body zod refuses', () => ({ method: 'POST', url: '/v1/submissions', token: 'editor', payload: { title: 1, eventDate: '2024-13-01' } }), 400, 'validation_failed', /请求内容不符合要求/, /not valid/],
  ['broken JSON', () => ({ method: 'POST', url: '/v1/submissions', token: 'editor', headers: { 'content-type': 'application/json' }, payload: '{"title":' }), 400, 'validation_failed', /请求体不是有效的 JSON/, /not valid JSON/],
  ['a NUL in the text', () => ({ method: 'POST', url: '/v1/submissions', token: 'editor', payload: { title: 'a\u0000', eventDate: '2024-05-18' } }), 400, 'invalid_text', /字段 body\.title/, /Field body\.title/],
  ['a stale If-Match', () => ({ method: 'PATCH', url: `/v1/submissions/${draftId}`, token: 'editor', headers: { 'if-match': '"9"' }, payload: { title: '鄂尔多斯市计生协开展活动二' } }), 412, 'precondition_failed', /If-Match 与当前版本不符/, /does not match/],
  ['a body over the limit', () => ({ method: 'POST', url: '/v1/submissions', token: 'editor', payload: { title: 'x', body: '字'.repeat(1_000_000), eventDate: '2024-05-18' } }), 413, 'payload_too_large', /请求内容过大，上限为 2 MB/, /too large: at most 2 MB/],
  ['a path parameter too long', () => ({ method: 'GET', url: `/v1/submissions/${'a'.repeat(300)}` }), 414, 'uri_too_long', /过长/, /too long/],
  ['XML to a JSON route', () => ({ method: 'POST', url: '/v1/submissions', token: 'editor', headers: { 'content-type': 'text/xml' }, payload: '<a/>' }), 415, 'unsupported_media_type', /不支持的内容类型 text\/xml：请以 application\/json 格式发送/, /send application\/json$/],
  ['XML to the import', () => ({ method: 'POST', url: '/v1/import/submissions', token: BOOTSTRAP_TOKEN, headers: { 'content-type': 'text/xml' }, payload: '<a/>' }), 415, 'unsupported_media_type', /application\/json、text\/csv、multipart\/form-data/, /application\/json, text\/csv, multipart\/form-data/],
  ['JSON where a photo is due', () => ({ method: 'POST', url: `/v1/submissions/${draftId}/images`, token: 'editor', payload: { file: 'x' } }), 415, 'unsupported_media_type', /multipart\/form-data/, /send multipart\/form-data/],
  ['no queue backend', () => ({ method: 'GET', url: '/v1/admin/failed-jobs', token: BOOTSTRAP_TOKEN }), 503, 'unavailable', /任务队列/, /no queue backend/],
];

async function ask(sample: Sample, language?: string) {
  const token = sample.token === 'editor' ? editor.token : sample.token;
  const headers = { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(language ? { 'accept-language': language } : {}), ...sample.headers };
  return t.app.inject({ method: sample.method, url: sample.url, headers, payload: sample.payload as string });
}

/** Every error answer carries a message people read: Chinese by default, English on request; the code stays the same. */
describe('error messages in the caller’s language', () => {
  for (const [name, make, status, code, chinese, english] of samples) {
    it(`${name}: ${status} ${code}`, async () => {
      const zh = await ask(make());
      expect(zh.statusCode, zh.body).toBe(status);
      expect(zh.json().error.code).toBe(code);
      expect(zh.json().error.message).toMatch(HAN);
      expect(zh.json().error.message).toMatch(chinese);
      expect(zh.headers['content-language']).toBe('zh-CN');

      const en = await ask(make(), 'en-US,en;q=0.9');
      expect(en.statusCode).toBe(status);
      expect(en.json().error.code).toBe(code);
      expect(en.json().error.message).toMatch(english);
      expect(en.json().error.message).not.toMatch(HAN);
      expect(en.headers['content-language']).toBe('en');
    });
  }

  it('words zod’s findings in the caller’s language, and a schema’s own message too', async () => {
    const sample = samples.find(([name]) => name === 'a body zod refuses')![1]();
    const zh = (await ask(sample)).json().error.details;
    expect(zh).toEqual(
      expect.arrayContaining([
        { path: 'body.title', message: '无效输入：期望 string，实际接收 数字' },
        { path: 'body.eventDate', message: '须为 2000-01-01 至 2100-12-31 之间的有效日期（YYYY-MM-DD）' },
      ]),
    );
    const en = (await ask(sample, 'en')).json().error.details;
    expect(en).toEqual(
      expect.arrayContaining([
        { path: 'body.title', message: 'Invalid input: expected string, received number' },
        { path: 'body.eventDate', message: 'a valid date from 2000-01-01 to 2100-12-31 (YYYY-MM-DD)' },
      ]),
    );
  });
});

describe('too many failed authentications (429)', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await startTestApp({ env: { AUTH_FAILURE_LIMIT: '1' } });
  });
  afterAll(async () => {
    await limited?.close();
  });

  it('is refused in Chinese, or in English when asked, with Retry-After', async () => {
    const bad = (language?: string) =>
      limited.app.inject({ method: 'GET', url: '/v1/me', headers: { authorization: 'Bearer wrong-token-0123456789', ...(language ? { 'accept-language': language } : {}) } });
    expect((await bad()).statusCode).toBe(401);
    const zh = await bad();
    expect(zh.statusCode).toBe(429);
    expect(zh.json().error).toMatchObject({ code: 'too_many_auth_failures', message: expect.stringMatching(/身份验证失败次数过多，请 \d+ 秒后再试/) });
    expect(zh.headers['retry-after']).toBeDefined();
    const en = await bad('en');
    expect(en.json().error).toMatchObject({ code: 'too_many_auth_failures', message: expect.stringMatching(/^Too many failed authentications: try again in \d+ s$/) });
  });
});

describe('Accept-Language', () => {
  it.each([
    [undefined, 'zh'],
    ['en', 'en'],
    ['en-GB', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh'],
    ['en-US,en;q=0.9,zh-CN;q=0.8', 'en'],
    ['en;q=0.2, zh-Hans;q=0.8', 'zh'],
    ['fr-FR, de', 'zh'],
    ['*', 'zh'],
    ['en;q=0', 'zh'],
  ])('%s → %s', (header, language) => {
    expect(languageOf(header)).toBe(language);
  });
});

/** The table itself: one Chinese and one English text per code, and every code the source uses is in it. */
describe('the error-code table', () => {
  const sampleParams = {
    names: ['x'], path: 'body.x', what: { zh: '某物', en: 'Thing' }, state: 'active', limit: '2 MB', sent: 'text/xml',
    accepted: ['application/json'], date: '2024-01-02', today: '2024-01-01', seconds: 5, minutes: 1, login: 'zhang',
  };
  const texts = Object.entries(ERROR_CODES).map(([code, entry]) => {
    const render = (text: unknown) => (typeof text === 'function' ? (text as (p: unknown) => string)(sampleParams) : String(text));
    return { code, status: entry.status, zh: render(entry.zh), en: render(entry.en) };
  });

  it('has a Chinese text (no doubled punctuation) and an English one for each code', () => {
    for (const { code, status, zh, en } of texts) {
      expect(code).toMatch(/^[a-z_]+$/);
      expect(status).toBeGreaterThanOrEqual(400);
      expect(zh, code).toMatch(HAN);
      expect(zh, code).not.toMatch(/[。，；：]{2}/);
      expect(en, code).not.toMatch(HAN);
    }
  });

  it('gives a Chinese-only message the code’s English text, where that text needs no parameters', () => {
    expect(errors.forbidden('只有本单位的编辑可以创建信息').messageIn('en')).toBe('Your role may not do this');
    expect(errors.forbidden('只有本单位的编辑可以创建信息').messageIn('zh')).toBe('只有本单位的编辑可以创建信息');
    expect(errors.tooLarge('图片不得超过10MB，请压缩后上传。').messageIn('en')).toBe('The request is too large');
    expect(new AppError(400, 'invalid_text', '字段含有空字符').messageIn('en')).toBe('字段含有空字符');
  });

  it('holds every code that the source throws', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const files = ['src', 'workers'].flatMap((dir) =>
      readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => path.join(root, dir, f)),
    );
    const used = new Set<string>();
    const patterns = [/new AppError\(\s*\d+,\s*'(\w+)'/g, /errors\.(?:conflict|unprocessable)\(\s*'(\w+)'/g, /appError\(\s*'(\w+)'/g, /super\(\s*\d+,\s*'(\w+)'/g];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const pattern of patterns) for (const match of text.matchAll(pattern)) used.add(match[1]);
    }
    expect(used.size).toBeGreaterThan(20);
    expect([...used].filter((code) => !(code in ERROR_CODES)).sort()).toEqual([]);
  });
});

import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, startTestApp, type Caller, type TestApp } from '../support/app.ts';
import { png } from '../support/images.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const ORDOS = '150600';

interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  parameters?: Array<{ name: string; in: string; description?: string }>;
  requestBody?: { content: Record<string, { schema: { properties?: Record<string, { format?: string }> } }> };
  responses: Record<string, { description: string; headers?: Record<string, unknown>; content?: Record<string, { schema: Record<string, unknown> }> }>;
}
interface Document {
  servers?: unknown[];
  info: { license?: { name: string } };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
}

let t: TestApp;
let document: Document;
let editor: Caller;

beforeAll(async () => {
  t = await startTestApp();
  document = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
  editor = await createUser(t.app, 'editor', ORDOS, '张三');
});
afterAll(async () => {
  await t?.close();
});

const operations = () =>
  Object.entries(document.paths).flatMap(([route, methods]) => Object.entries(methods).map(([method, operation]) => ({ route, method, operation })));
const operation = (method: string, route: string) => document.paths[route][method];

describe('the OpenAPI document', () => {
  it('passes `redocly lint` with the project’s redocly.yaml: no errors, no warnings', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'openapi-'));
    try {
      const file = path.join(dir, 'openapi.json');
      await writeFile(file, JSON.stringify(document));
      const run = await promisify(execFile)(path.join(ROOT, 'node_modules', '.bin', 'redocly'), ['lint', file, '--config', path.join(ROOT, 'redocly.yaml'), '--format=json'], {
        cwd: ROOT,
      }).catch((failure: { stdout: string }) => failure);
      const report = JSON.parse(run.stdout) as { totals: { errors: number; warnings: number }; problems: Array<{ ruleId: string; message: string }> };
      expect(report.problems.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
      expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('names every operation (unique camelCase operationId), describes it and each of its parameters', () => {
    const ids = operations().map(({ operation: o }) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { route, method, operation: o } of operations()) {
      expect(o.operationId, `${method} ${route}`).toMatch(/^[a-z][a-zA-Z]+$/);
      expect(o.summary && o.description, `${method} ${route}`).toBeTruthy();
      for (const parameter of o.parameters ?? []) expect(parameter.description, `${method} ${route} ${parameter.in} ${parameter.name}`).toBeTruthy();
      for (const [status, response] of Object.entries(o.responses)) expect(response.description, `${method} ${route} ${status}`).not.toBe('Default Response');
    }
    expect(document.servers).toHaveLength(1);
    expect(document.info.license?.name).toBeTruthy();
  });

  it('gives every error one shape, and each route only the errors it can answer', () => {
    for (const { operation: o } of operations()) {
      for (const [status, response] of Object.entries(o.responses)) {
        if (Number(status) >= 400) expect(response.content).toEqual({ 'application/json': { schema: { $ref: '#/components/schemas/Error' } } });
        if (status === '429' || status === '503') expect(response.headers).toHaveProperty('retry-after');
      }
    }
    const statuses = (method: string, route: string) => Object.keys(operation(method, route).responses);
    expect(statuses('get', '/v1/users')).not.toContain('409');
    expect(statuses('get', '/v1/users')).not.toContain('412');
    expect(statuses('get', '/v1/users')).not.toContain('413');
    expect(statuses('patch', '/v1/submissions/{id}')).toEqual(expect.arrayContaining(['404', '409', '412', '413', '414', '415', '422']));
    expect(statuses('post', '/v1/session')).not.toContain('404');
  });

  it('documents the headers: ETag on item answers, If-Match and Idempotency-Key on commands (no If-Match on create), Set-Cookie on sign-in', () => {
    const headerParameters = (method: string, route: string) => (operation(method, route).parameters ?? []).filter((p) => p.in === 'header').map((p) => p.name);
    expect(headerParameters('post', '/v1/submissions')).toEqual(['idempotency-key']);
    expect(headerParameters('post', '/v1/submissions/{id}/actions').sort()).toEqual(['idempotency-key', 'if-match']);
    expect(operation('get', '/v1/submissions/{id}').responses['200'].headers).toHaveProperty('etag');
    expect(operation('post', '/v1/session').responses['200'].headers).toHaveProperty('set-cookie');
  });

  it('declares file bodies and file answers with their media types, and 204s without a body', () => {
    const upload = operation('post', '/v1/submissions/{id}/images').requestBody!.content;
    expect(Object.keys(upload)).toEqual(['multipart/form-data']);
    expect(upload['multipart/form-data'].schema.properties).toMatchObject({ file: { format: 'binary' }, caption: {} });
    expect(Object.keys(operation('post', '/v1/import/submissions').requestBody!.content).sort()).toEqual(['application/json', 'multipart/form-data', 'text/csv']);
    const bulletin = operation('get', '/v1/bulletins/{id}').responses['200'].content!;
    expect(bulletin['application/vnd.openxmlformats-officedocument.wordprocessingml.document'].schema).toEqual({ type: 'string', format: 'binary' });
    expect(bulletin['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'].schema).toEqual({ type: 'string', format: 'binary' });
    expect(bulletin['text/csv'].schema).toEqual({ type: 'string' });
    for (const { route, method, operation: o } of operations()) if (o.responses['204']) expect(o.responses['204'].content, `${method} ${route}`).toBeUndefined();
  });

  it('keeps no component nothing refers to', () => {
    const text = JSON.stringify(document.paths) + JSON.stringify(document.components.schemas);
    for (const name of Object.keys(document.components.schemas)) expect(text, name).toContain(`"#/components/schemas/${name}"`);
  });
});

/** What a real answer is checked against: its status, media type and headers are those the document declares. */
function expectDocumented(method: string, route: string, response: LightMyRequestResponse, omittedHeaders: string[] = []) {
  const declared = operation(method, route).responses[String(response.statusCode)];
  expect(declared, `${method} ${route} answered ${response.statusCode}: ${response.body}`).toBeDefined();
  if (!declared.content) expect(response.body).toBe('');
  else expect(Object.keys(declared.content)).toContain(String(response.headers['content-type']).split(';')[0]);
  for (const header of Object.keys(declared.headers ?? {}).filter((h) => !omittedHeaders.includes(h))) {
    expect(response.headers[header], `${method} ${route}: ${header}`).toBeDefined();
  }
}

describe('the answers the service sends', () => {
  it('are those the document declares: statuses, media types, headers', async () => {
    const created = await editor.post('/v1/submissions', { title: '鄂尔多斯市计生协开展宣传活动', eventDate: '2024-05-18' });
    expectDocumented('post', '/v1/submissions', created);
    const { id } = created.json();
    expectDocumented('get', '/v1/submissions/{id}', await editor.get(`/v1/submissions/${id}`));
    expectDocumented('patch', '/v1/submissions/{id}', await editor.patch(`/v1/submissions/${id}`, { title: '改' }, { 'if-match': '"99"' }));
    const photo = await editor.upload(`/v1/submissions/${id}/images`, png(1024, 768), 'photo.png', { caption: '活动现场' });
    expectDocumented('post', '/v1/submissions/{id}/images', photo);
    expectDocumented('get', '/v1/submissions/{id}/images/{imageId}', await editor.get(`/v1/submissions/${id}/images/${photo.json().id}`));
    expectDocumented('post', '/v1/submissions/{id}/images', await editor.post(`/v1/submissions/${id}/images`, 'not a form', { 'content-type': 'text/plain' }));
    expectDocumented('delete', '/v1/submissions/{id}/images/{imageId}', await editor.delete(`/v1/submissions/${id}/images/${photo.json().id}`));
    expectDocumented('get', '/v1/users', await editor.get('/v1/users'));
    expectDocumented('get', '/v1/reports/period', await editor.get('/v1/reports/period?format=xlsx'));
    expectDocumented('get', '/v1/reports/period', await editor.get('/v1/reports/period?format=csv'));
    expectDocumented('delete', '/v1/session', await editor.delete('/v1/session'), ['set-cookie']);
  });
});

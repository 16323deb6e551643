/**
 * The console's typed client comes from the service's own OpenAPI document. This module builds the
 * app without any infrastructure (no database, no Redis: routes are registered, never called), asks
 * it for its spec, and turns the spec into web/src/api/schema.d.ts with openapi-typescript.
 * `node web/scripts/generate-api.ts` writes the file; test/web/api-schema.test.ts fails when the
 * checked-in file is stale.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPITSOptions } from 'openapi-typescript';
import ts from 'typescript';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { Services } from '../../src/services/index.ts';

export const SCHEMA_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'api', 'schema.d.ts');

/** A stand-in for a service that routes may hold on to while registering, but never use. */
function unusable(name: string): unknown {
  const refuse = () => {
    throw new Error(`generating the API schema needs only the configuration, not services.${name}`);
  };
  return new Proxy(refuse, { get: refuse, apply: refuse });
}

/** Services of which only the configuration is real. */
function configOnlyServices(): Services {
  const config = loadConfig({ ...process.env, DATABASE_URL: 'postgres://spec-only/spec-only', LOG_LEVEL: 'silent' });
  return new Proxy({ config } as unknown as Services, {
    get: (target, key) => (key in target ? target[key as keyof Services] : unusable(String(key))),
  });
}

export async function openApiDocument(): Promise<Record<string, unknown>> {
  const app = await buildApp({ services: configOnlyServices(), logger: false });
  try {
    await app.ready();
    return app.swagger() as unknown as Record<string, unknown>;
  } finally {
    await app.close();
  }
}

/**
 * Files as the browser holds them: a multipart body is the FormData `fetch` sends, a binary answer
 * or part the Blob `parseAs: 'blob'` gives (openapi-typescript would type both as plain objects and strings).
 */
const asBrowserTypes: OpenAPITSOptions['transform'] = (schema, { path }) => {
  if (path?.endsWith('/requestBody/content/multipart~1form-data')) return ts.factory.createTypeReferenceNode('FormData');
  if ('format' in schema && schema.format === 'binary') return ts.factory.createTypeReferenceNode('Blob');
  return undefined;
};

export async function renderSchema(): Promise<string> {
  const document = await openApiDocument();
  const ast = await openapiTS(document as never, { alphabetize: true, transform: asBrowserTypes });
  return `/* Generated from the service's /openapi.json by web/scripts/generate-api.ts: do not edit. */\n${astToString(ast)}`;
}

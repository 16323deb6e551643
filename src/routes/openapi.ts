import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema } from './schemas.ts';

/**
 * How the OpenAPI document says what the routes answer. Route files declare their answers with
 * `json`, `file`, `noContent` and `errorResponses` (the errors their own logic gives); `documentRoute`
 * adds, in this one place, the errors every route of a kind can answer (see `impliedErrors`), and
 * `documentObject` drops components nothing refers to.
 */

/** Response headers the API sends, as OpenAPI header objects. */
export const HEADERS = {
  etag: { type: 'string', description: 'The item’s version as `"N"`: send it back in If-Match to change this version only', example: '"3"' },
  'retry-after': { type: 'integer', description: 'Seconds to wait before trying again' },
  'set-cookie': { type: 'string', description: '`nmg_session`: the session cookie (HttpOnly, SameSite=Lax; Secure when SECURE_COOKIES)' },
  'content-disposition': { type: 'string', description: 'attachment, with the file’s Chinese name (RFC 6266 filename*) and an ASCII fallback' },
} as const;
type HeaderName = keyof typeof HEADERS;

const pickHeaders = (names: HeaderName[]) => (names.length > 0 ? { headers: Object.fromEntries(names.map((name) => [name, HEADERS[name]])) } : {});

/** What each error status means in this API, with the codes it carries (see ERROR_CODES in src/errors.ts). */
const ERROR_MEANINGS = {
  400: 'Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like',
  401: 'Not signed in: `unauthenticated` (no, an unknown or an ended token or session)',
  403: 'Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site)',
  404: 'Not found, or not visible to the caller: `not_found`',
  409: 'Conflict with the current state: `invalid_transition`, `version_conflict`, `claimed_by_other` and the other codes of the table',
  412: 'If-Match does not match the current version: `precondition_failed`',
  413: 'The body is too large: `payload_too_large`, `too_many_files`',
  414: 'A path parameter is too long: `uri_too_long`',
  415: 'The body’s Content-Type is not one this operation takes: `unsupported_media_type` (details name those accepted)',
  422: 'Understood but refused by a rule of the work: `quality_check_failed`, `gates_unconfirmed`, `event_date_stale` and the other codes of the table',
  429: 'Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked`',
  500: 'An error of the service: `internal_error`',
  503: 'Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable`',
} as const;
export type ErrorStatus = keyof typeof ERROR_MEANINGS;

const RETRYABLE = new Set<number>([429, 503]);

/** One error answer: the shared Error component, Retry-After where waiting helps. */
const errorResponse = (status: ErrorStatus) => ({
  description: ERROR_MEANINGS[status],
  ...pickHeaders(RETRYABLE.has(status) ? ['retry-after'] : []),
  content: { 'application/json': { schema: errorSchema } },
});

/** The errors a route's own logic can answer, all with the one error shape `{ error: { code, message, details? } }`. */
export function errorResponses<S extends ErrorStatus>(...statuses: S[]): Record<S, ReturnType<typeof errorResponse>> {
  return Object.fromEntries(statuses.map((status) => [status, errorResponse(status)])) as Record<S, ReturnType<typeof errorResponse>>;
}

/** A JSON answer with what it means and the headers it carries. */
export const json = <T extends z.ZodType>(schema: T, description: string, headers: HeaderName[] = []) => ({
  description,
  ...pickHeaders(headers),
  content: { 'application/json': { schema } },
});

/** A 204: no body. (Declared as `null` so that Fastify's serializer accepts `send(null)`; the document shows no content.) */
export const noContent = (description: string, headers: HeaderName[] = []) => ({
  description,
  ...pickHeaders(headers),
  content: { 'application/json': { schema: z.null() } },
});

export const MEDIA = {
  json: 'application/json',
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  jpeg: 'image/jpeg',
  png: 'image/png',
  multipart: 'multipart/form-data',
} as const;

const binary = z.string().meta({ format: 'binary' });

/**
 * An answer that is a file in one of `formats` (CSV as text, the others binary), or the JSON
 * `jsonSchema` when given (the `format=json` of the reports).
 */
export function file(description: string, formats: Array<'csv' | 'xlsx' | 'docx' | 'jpeg' | 'png'>, jsonSchema?: z.ZodType) {
  const content: Record<string, { schema: z.ZodType }> = jsonSchema ? { [MEDIA.json]: { schema: jsonSchema } } : {};
  for (const format of formats) content[MEDIA[format]] = { schema: format === 'csv' ? z.string() : binary };
  return { description, ...pickHeaders(formats.some((f) => f !== 'jpeg' && f !== 'png') ? ['content-disposition'] : []), content };
}

/**
 * A request body a handler reads itself (a multipart upload, a CSV): shown in the document, not
 * validated by Fastify (a `body` schema would be checked against what the parser left, nothing).
 * Plain OpenAPI media objects by content type.
 */
export type DocumentedBody = Record<string, { schema: Record<string, unknown> }>;

declare module 'fastify' {
  interface FastifySchema {
    /** See DocumentedBody. */
    documentedBody?: DocumentedBody;
    operationId?: string;
  }
}

interface RouteSchema {
  body?: unknown;
  params?: unknown;
  security?: unknown[];
  response?: Record<string, { headers?: unknown } | undefined>;
  documentedBody?: DocumentedBody;
  hide?: boolean;
}

/**
 * The errors any route of a kind can answer, whatever its own logic: 400 (an unknown query
 * parameter, a bad URL), 500 and 503 (a dependency out of reach) everywhere; 401, 403 (password
 * change pending, cross-site cookie write, role) and 429 (too many failed authentications) where a
 * caller must be signed in; 413 and 415 where a body is taken; 414 where the path has parameters.
 */
function impliedErrors(schema: RouteSchema, url: string): ErrorStatus[] {
  const statuses: ErrorStatus[] = [400, 500, 503];
  const signedIn = !Array.isArray(schema.security) || schema.security.length > 0;
  if (signedIn) statuses.push(401, 403, 429);
  if (schema.body || schema.documentedBody) statuses.push(413, 415);
  if (url.includes(':')) statuses.push(414);
  return statuses;
}

/** JSON schema of an error answer, for errors added here (after the zod transform). */
const errorResponseJson = (status: ErrorStatus) => ({
  ...errorResponse(status),
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

type TransformArgs = Parameters<typeof jsonSchemaTransform>[0];

/** @fastify/swagger's `transform`: the zod transform, then what the route declarations imply. */
export function documentRoute(args: TransformArgs) {
  const result = jsonSchemaTransform(args);
  const declared = args.schema as RouteSchema | undefined;
  const out = result.schema as Record<string, unknown> & { response?: Record<string, Record<string, unknown>>; hide?: boolean };
  if (!declared || out.hide) return result;
  const responses = (out.response ??= {});
  for (const [status, answer] of Object.entries(declared.response ?? {})) {
    // The zod transform keeps only `description` and `content` of a response.
    if (answer?.headers) responses[status].headers = answer.headers;
    // A 204 has no body: `type: 'null'` makes @fastify/swagger leave out its content.
    if (status === '204') responses[status] = { description: responses[status].description, headers: answer?.headers, type: 'null' };
  }
  for (const status of impliedErrors(declared, args.url)) responses[status] ??= errorResponseJson(status);
  if (declared.documentedBody) {
    out.body = { content: declared.documentedBody };
    delete out.documentedBody;
  }
  return result;
}

type TransformObjectArgs = Parameters<typeof jsonSchemaTransformObject>[0];

/** Names of the components a part of the document refers to. */
function referencedSchemas(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => referencedSchemas(item, found));
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === '$ref' && typeof inner === 'string' && inner.startsWith('#/components/schemas/')) found.add(inner.slice('#/components/schemas/'.length));
      else referencedSchemas(inner, found);
    }
  }
  return found;
}

/**
 * @fastify/swagger's `transformObject`: the zod one (components from the schemas' ids), without the
 * components nothing refers to (the zod registry makes an input twin of every named schema).
 */
export function documentObject(args: TransformObjectArgs) {
  const document = jsonSchemaTransformObject(args);
  const schemas = (document as { components?: { schemas?: Record<string, unknown> } }).components?.schemas;
  if (!schemas) return document;
  const used = referencedSchemas(document.paths);
  // Components refer to others: follow them until nothing new turns up.
  for (let size = -1; size !== used.size; ) {
    size = used.size;
    for (const name of [...used]) referencedSchemas(schemas[name], used);
  }
  for (const name of Object.keys(schemas)) if (!used.has(name)) delete schemas[name];
  return document;
}

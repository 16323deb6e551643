import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isDependencyUnavailable } from './dependency-errors.ts';
import { AppError, appError, describeError, errors, type Bilingual, type ErrorBody } from './errors.ts';
import { languageOf, type Language } from './language.ts';
import { retryLater, RetryLaterError } from './retry-later.ts';
import { findingsOf, RequestInvalid } from './validation.ts';

/** What a route takes when its schema does not say (`consumes`): the API speaks JSON. */
const DEFAULT_CONSUMES = ['application/json'];

const megabytes = (bytes: number) => (bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

/** A body Fastify cannot read: `validation_failed` like any other invalid request, saying what is wrong. */
const unreadableBody = (zh: string, en: string) => () => errors.validation({ zh, en });

/** Fastify's (and its plugins') own client errors as errors of the table, so that they read like every other. */
const FASTIFY_ERRORS: Record<string, (request: FastifyRequest) => AppError> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: unsupportedMediaType,
  FST_INVALID_MULTIPART_CONTENT_TYPE: unsupportedMediaType,
  FST_ERR_CTP_BODY_TOO_LARGE: (request) => appError('payload_too_large', { limit: megabytes(request.routeOptions.bodyLimit) }),
  FST_REQ_FILE_TOO_LARGE: () => appError('payload_too_large', {}),
  FST_FILES_LIMIT: () => appError('too_many_files', undefined),
  FST_ERR_CTP_EMPTY_JSON_BODY: unreadableBody('Content-Type 为 application/json 时请求体不能为空', 'A body sent as application/json must not be empty'),
  FST_ERR_CTP_INVALID_JSON_BODY: unreadableBody('请求体不是有效的 JSON', 'The request body is not valid JSON'),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: unreadableBody('Content-Length 与请求体的实际长度不符', 'Content-Length does not match the body'),
  FST_ERR_BAD_URL: () => appError('invalid_url', undefined),
  FST_ERR_MAX_PARAM_LENGTH: () => appError('uri_too_long', undefined),
};

/** 415, naming the content types the route takes (its OpenAPI `consumes`). */
export function unsupportedMediaType(request: FastifyRequest): AppError {
  const consumes = (request.routeOptions.schema as { consumes?: string[] } | undefined)?.consumes ?? DEFAULT_CONSUMES;
  const sent = String(request.headers['content-type'] ?? '').split(';')[0].trim();
  return appError('unsupported_media_type', { sent, accepted: consumes }, { accepted: consumes });
}

const isBilingual = (value: unknown): value is Bilingual =>
  typeof value === 'object' && value !== null && typeof (value as Bilingual).zh === 'string' && typeof (value as Bilingual).en === 'string';

/** Details as sent: a finding's message given in both languages becomes the caller's. */
function detailsIn(details: unknown, language: Language): unknown {
  if (!Array.isArray(details)) return details;
  return details.map((item) =>
    item && typeof item === 'object' && isBilingual((item as { message?: unknown }).message)
      ? { ...item, message: (item as { message: Bilingual }).message[language] }
      : item,
  );
}

function send(reply: FastifyReply, error: AppError, language: Language) {
  if (error instanceof RetryLaterError) reply.header('retry-after', String(error.retryAfterS));
  const body: ErrorBody = { error: { code: error.code, message: error.messageIn(language), details: detailsIn(error.details, language) } };
  return reply.status(error.status).header('content-language', language === 'en' ? 'en' : 'zh-CN').send(body);
}

/** Any thrown error as the AppError the caller sees. */
function asAppError(error: FastifyError, request: FastifyRequest, language: Language): AppError {
  if (error instanceof AppError) return error;
  if (isDependencyUnavailable(error)) {
    // Postgres or Redis unreachable: a 503 the caller may retry; what failed stays in the log.
    request.log.warn({ err: error }, 'dependency unavailable');
    return retryLater.serviceUnavailable();
  }
  if (error instanceof RequestInvalid) return appError('validation_failed', undefined, findingsOf(error, language));
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const known = FASTIFY_ERRORS[error.code];
    if (known) return known(request);
    if (status === 413) return appError('payload_too_large', { limit: megabytes(request.routeOptions.bodyLimit) });
    // Another client error of Fastify or a plugin: its status kept, its own (English) words in details.
    return new AppError(status, 'bad_request', describeError('bad_request', undefined).texts, { reason: error.message });
  }
  request.log.error({ err: error }, 'unhandled error');
  return appError('internal_error', undefined);
}

/**
 * One mapping from any thrown error to `{ error: { code, message, details? } }`, the message in the
 * caller's language (Accept-Language; Chinese by default). Also Fastify's `frameworkErrors` (bad
 * URL encoding, an over-long path parameter), so that those answers read like every other.
 */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const language = languageOf(request.headers['accept-language']);
  return send(reply, asAppError(error, request, language), language);
}

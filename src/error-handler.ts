import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isDependencyUnavailable } from './dependency-errors.ts';
import { AppError, type ErrorBody } from './errors.ts';
import { retryLater, RetryLaterError } from './retry-later.ts';

/** Codes for Fastify's own client errors, so callers always see a stable `code`. */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'validation_failed',
  FST_ERR_CTP_INVALID_JSON_BODY: 'validation_failed',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation_failed',
  FST_REQ_FILE_TOO_LARGE: 'payload_too_large',
  FST_FILES_LIMIT: 'too_many_files',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'unsupported_media_type',
};

function sendAppError(reply: FastifyReply, error: AppError) {
  if (error instanceof RetryLaterError) reply.header('retry-after', String(error.retryAfterS));
  const body: ErrorBody = { error: { code: error.code, message: error.message, details: error.details } };
  return reply.status(error.status).send(body);
}

/** One mapping from any thrown error to `{ error: { code, message, details? } }`. */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const send = (status: number, body: ErrorBody) => reply.status(status).send(body);
  if (error instanceof AppError) return sendAppError(reply, error);
  if (isDependencyUnavailable(error)) {
    // Postgres or Redis unreachable: a 503 the caller may retry; what failed stays in the log.
    request.log.warn({ err: error }, 'dependency unavailable');
    return sendAppError(reply, retryLater.serviceUnavailable());
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const details = error.validation.map((v) => ({
      path: [error.validationContext, ...v.instancePath.split('/').filter(Boolean)].join('.'),
      message: v.message,
    }));
    return send(400, { error: { code: 'validation_failed', message: 'The request is not valid', details } });
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const code = FASTIFY_CODES[error.code] ?? (status === 413 ? 'payload_too_large' : 'bad_request');
    return send(status, { error: { code, message: error.message } });
  }
  request.log.error({ err: error }, 'unhandled error');
  return send(500, { error: { code: 'internal_error', message: 'Internal error' } });
}

/** The one error type of the service: a stable `code`, an HTTP status, a message and optional details. */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details?: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export const errors = {
  validation: (message: string, details?: unknown) => new AppError(400, 'validation_failed', message, details),
  unauthenticated: () => new AppError(401, 'unauthenticated', 'A valid bearer token is required'),
  forbidden: (message = 'Your role may not do this') => new AppError(403, 'forbidden', message),
  notFound: (what = 'Resource') => new AppError(404, 'not_found', `${what} not found`),
  invalidTransition: (message: string, details?: unknown) => new AppError(409, 'invalid_transition', message, details),
  versionConflict: (details?: unknown) =>
    new AppError(409, 'version_conflict', 'The item was changed by someone else; reload and try again', details),
  conflict: (code: string, message: string, details?: unknown) => new AppError(409, code, message, details),
  preconditionFailed: (details?: unknown) =>
    new AppError(412, 'precondition_failed', 'If-Match does not match the current version', details),
  qualityCheckFailed: (details: unknown) =>
    new AppError(422, 'quality_check_failed', 'The item does not pass the quality checks', details),
  unprocessable: (code: string, message: string, details?: unknown) => new AppError(422, code, message, details),
  tooLarge: (message: string) => new AppError(413, 'payload_too_large', message),
  unavailable: (message: string) => new AppError(503, 'unavailable', message),
};

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

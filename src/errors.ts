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
  invalidCursor: () =>
    new AppError(400, 'invalid_cursor', '分页游标无效：请使用上一页返回的 nextCursor，或从第一页重新开始'),
  invalidText: (path: string) =>
    new AppError(400, 'invalid_text', `字段 ${path} 含有不允许的字符（空字符 U+0000 或不成对的代理字符）`, [
      { path, message: 'contains a NUL character or a lone surrogate' },
    ]),
  eventDateInFuture: (date: string, today: string) =>
    new AppError(422, 'event_date_in_future', `事件日期 ${date} 晚于今天（北京时间 ${today}），不能报送尚未发生的事件`, {
      eventDate: date,
      today,
    }),
};

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

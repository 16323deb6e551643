import { AppError, describeError } from './errors.ts';

/** An error that tells the caller when to try again: the error handler sends it as `Retry-After`. */
export class RetryLaterError extends AppError {
  readonly retryAfterS: number;

  constructor(error: { status: number; code: string; texts: { zh: string; en: string } }, retryAfterS: number) {
    super(error.status, error.code, error.texts);
    this.retryAfterS = Math.max(1, Math.ceil(retryAfterS));
  }
}

/** A dependency (Postgres, the queue backend) is down for the moment; probes and clients back off this long. */
export const DEPENDENCY_RETRY_AFTER_S = 5;

export const retryLater = {
  serviceUnavailable: () =>
    new RetryLaterError({ code: 'service_unavailable', ...describeError('service_unavailable', undefined) }, DEPENDENCY_RETRY_AFTER_S),
  tooManyAuthFailures: (retryAfterS: number) =>
    new RetryLaterError(
      { code: 'too_many_auth_failures', ...describeError('too_many_auth_failures', { seconds: Math.max(1, Math.ceil(retryAfterS)) }) },
      retryAfterS,
    ),
};

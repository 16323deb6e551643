import { AppError } from './errors.ts';

/** An error that tells the caller when to try again: the error handler sends it as `Retry-After`. */
export class RetryLaterError extends AppError {
  readonly retryAfterS: number;

  constructor(status: number, code: string, message: string, retryAfterS: number) {
    super(status, code, message);
    this.retryAfterS = Math.max(1, Math.ceil(retryAfterS));
  }
}

/** A dependency (Postgres, the queue backend) is down for the moment; probes and clients back off this long. */
export const DEPENDENCY_RETRY_AFTER_S = 5;

export const retryLater = {
  serviceUnavailable: () => new RetryLaterError(503, 'service_unavailable', '服务暂时不可用，请稍后重试', DEPENDENCY_RETRY_AFTER_S),
  tooManyAuthFailures: (retryAfterS: number) =>
    new RetryLaterError(429, 'too_many_auth_failures', `身份验证失败次数过多，请 ${Math.max(1, Math.ceil(retryAfterS))} 秒后再试`, retryAfterS),
};

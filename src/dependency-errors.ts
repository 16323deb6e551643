/** Socket errors of a dependency that is not there (refused, reset, unreachable, unknown host). */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);

/**
 * SQLSTATEs of a Postgres that is not taking work: class 08 (connection exception), 57P01–57P03
 * (admin shutdown, crash shutdown, cannot connect now), 53300 (too many connections).
 */
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;

/** Errors without a code: pg's pool and client, ioredis while disconnected or not answering. */
const UNAVAILABLE_MESSAGE =
  /^(timeout exceeded when trying to connect|Connection terminated|Client has encountered a connection error|Connection is closed|Stream isn't writeable|Command timed out|Reached the max retries per request limit)/;

function* causes(error: unknown, depth = 0): Generator<unknown> {
  if (!error || depth > 5) return;
  yield error;
  if (error instanceof AggregateError) for (const inner of error.errors) yield* causes(inner, depth + 1);
  if (error instanceof Error) yield* causes(error.cause, depth + 1);
}

/** Whether an error means "a dependency is unreachable now" (answer 503, try later), not a bug. */
export function isDependencyUnavailable(error: unknown): boolean {
  for (const candidate of causes(error)) {
    const { code, message } = candidate as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return true;
  }
  return false;
}

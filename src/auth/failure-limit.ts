import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Redis } from 'ioredis';
import type { Config } from '../config.ts';
import { retryLater } from '../retry-later.ts';
import { throttledErrors } from '../../workers/queues.ts';

/** A Redis that does not answer must not hold up authentication: the count is skipped instead. */
const REDIS_COMMAND_TIMEOUT_MS = 500;

declare module 'fastify' {
  interface FastifyInstance {
    authFailures?: AuthFailureLimit;
  }
}

type Limiter = ReturnType<FastifyInstance['createRateLimit']>;

/**
 * Failed authentications per client address (AUTH_FAILURE_LIMIT per AUTH_FAILURE_WINDOW_MS): an
 * address over the limit gets 429 before its token costs a database read. Only failures count.
 */
export class AuthFailureLimit {
  private readonly limiter: Limiter;

  constructor(limiter: Limiter) {
    this.limiter = limiter;
  }

  async refuseIfBlocked(request: FastifyRequest): Promise<void> {
    const state = await this.limiter(request, { increment: false });
    if (!state.isAllowed && state.remaining === 0) throw retryLater.tooManyAuthFailures(state.ttlInSeconds);
  }

  async recordFailure(request: FastifyRequest): Promise<void> {
    await this.limiter(request);
  }
}

/**
 * Registers `@fastify/rate-limit` for authentication failures only (no route is limited as such).
 * The count lives in Redis when REDIS_URL is set, so that every API process shares it; in memory
 * otherwise. While Redis is down failures go uncounted rather than refusing everyone.
 */
export async function registerAuthFailureLimit(app: FastifyInstance, config: Config): Promise<void> {
  let redis: Redis | undefined;
  if (config.REDIS_URL) {
    redis = new Redis(config.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: REDIS_COMMAND_TIMEOUT_MS });
    const report = throttledErrors(app.log);
    redis.on('error', (error: Error) => report('redis auth-failure count', error));
    const connection = redis;
    app.addHook('onClose', async () => connection.disconnect());
  }
  await app.register(rateLimit, {
    global: false,
    max: config.AUTH_FAILURE_LIMIT,
    timeWindow: config.AUTH_FAILURE_WINDOW_MS,
    redis,
    nameSpace: `${config.QUEUE_PREFIX}:auth-failures:`,
    skipOnError: true,
  });
  app.decorate('authFailures', new AuthFailureLimit(app.createRateLimit()));
}

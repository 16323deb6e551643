import { QUEUE_NAMES } from '../../workers/queues.ts';
import type { TestApp, TestAppOptions } from './app.ts';
import { PrivateRedis, redisServerInstalled } from './redis.ts';

/**
 * A queue backend a test may break: lose every queued job (as FLUSHALL or a Redis restart without
 * persistence does), and for Redis also stop and start the server. Redis is a private
 * redis-server, so that flushing it touches no other test.
 */
export interface BreakableQueue {
  name: 'postgres' | 'redis';
  /** Starts what the backend needs; returns the app's `queue` option. */
  start(): Promise<NonNullable<TestAppOptions['queue']>>;
  loseAllJobs(t: TestApp): Promise<void>;
  stop(): Promise<void>;
}

function postgresQueue(): BreakableQueue {
  return {
    name: 'postgres',
    start: async () => ({ backend: 'postgres' }),
    async loseAllJobs(t) {
      for (const name of QUEUE_NAMES) {
        const queue = t.queues!.queue(name);
        await queue.obliterate({ force: true });
        await queue.resume(); // obliterate pauses the queue first
      }
    },
    stop: async () => {},
  };
}

export function redisQueue(redis = new PrivateRedis()): BreakableQueue & { redis: PrivateRedis } {
  return {
    name: 'redis',
    redis,
    async start() {
      await redis.start();
      return { backend: 'redis', redisUrl: redis.url };
    },
    loseAllJobs: () => redis.flushAll(),
    stop: () => redis.stop(),
  };
}

/** Both backends, for `describe.each`; Redis when redis-server is installed (on CI it must be, or the suite fails). */
export function breakableQueues(): Array<{ name: BreakableQueue['name']; make: () => BreakableQueue }> {
  return [
    { name: 'postgres', make: postgresQueue },
    ...(redisServerInstalled() || process.env.CI ? [{ name: 'redis' as const, make: () => redisQueue() }] : []),
  ];
}

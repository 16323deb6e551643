import { pino, type Logger } from 'pino';
import type { Config } from './config.ts';

/** One structured logger per process; Fastify adds a request id to every line it logs. */
export function createLogger(config: Pick<Config, 'LOG_LEVEL'>, name: string): Logger {
  return pino({
    name,
    level: config.LOG_LEVEL,
    redact: ['req.headers.authorization', 'headers.authorization', 'req.headers.cookie', 'headers.cookie', 'token', 'password', 'initialPassword', 'currentPassword', 'newPassword'],
  });
}

export type { Logger };

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errors } from '../errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * 'off' when a route checks text itself (e.g. to refuse one bad row of many rather than the
     * whole request); it must then refuse what `isCleanText` refuses.
     */
    textGuard?: 'off';
  }
}

/**
 * Text Postgres cannot store: a NUL (refused in text and jsonb) or a lone UTF-16 surrogate (a
 * `\ud800` escape is refused in jsonb, and silently mangled in text).
 */
export function isCleanText(value: string): boolean {
  return !value.includes('\u0000') && value.isWellFormed();
}

/**
 * The path of a string (object key or value) in `value` that is not clean text, or null. Walks
 * with its own stack, not recursion: a deeply nested body must not overflow the call stack.
 */
export function findUncleanText(value: unknown, path: string): string | null {
  const pending: Array<[unknown, string]> = [[value, path]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [current, at] = next;
    if (typeof current === 'string') {
      if (!isCleanText(current)) return at;
    } else if (current !== null && typeof current === 'object') {
      for (const [key, inner] of Object.entries(current)) {
        if (!isCleanText(key)) return `${at}.${JSON.stringify(key)}`;
        pending.push([inner, `${at}.${key}`]);
      }
    }
  }
  return null;
}

const PARTS = ['params', 'query', 'body'] as const;

async function refuseUncleanText(request: FastifyRequest): Promise<void> {
  if (request.routeOptions.config?.textGuard === 'off') return;
  for (const part of PARTS) {
    const found = findUncleanText(request[part], part);
    if (found) throw errors.invalidText(found);
  }
}

/**
 * One guard for the whole API: any string in the path, query or parsed body (JSON, or a text/csv
 * body as a whole) holding a NUL or a lone surrogate is refused with 400 `invalid_text` before
 * validation, so it never reaches the database. Multipart fields are read by their handlers, after
 * this hook: those handlers check them with `isCleanText`. Applies to every route of the instance
 * it is registered on (skip-override: the hook is not encapsulated in this plugin).
 */
async function textGuard(app: FastifyInstance): Promise<void> {
  app.addHook('preValidation', refuseUncleanText);
}
(textGuard as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;

export default textGuard;

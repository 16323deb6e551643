import type { FastifyReply } from 'fastify';
import type { CommandOptions } from '../services/submission-commands.ts';

export const etagOf = (version: number) => `"${version}"`;

/**
 * `If-Match` holds the version the caller last saw, as our ETag `"N"` (W/ and bare N accepted).
 * `*` matches any version. Anything else cannot match the current version.
 */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  return match ? Number(match[1]) : -1;
}

export function commandOptions(headers: { 'if-match'?: string; 'idempotency-key'?: string }): CommandOptions {
  return { ifMatch: parseIfMatch(headers['if-match']), idempotencyKey: headers['idempotency-key'] };
}

export function sendWithEtag<T extends { version: number }>(reply: FastifyReply, status: number, body: T) {
  return reply.status(status).header('etag', etagOf(body.version)).send(body);
}

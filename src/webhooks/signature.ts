import { createHmac, timingSafeEqual } from 'node:crypto';
import { loadConfig } from '../config.ts';

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, as Stripe signs its webhooks. */
export const SIGNATURE_HEADER = 'x-nmg-signature';

function hmac(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** The signature header value for a body sent at `timestamp` (unix seconds). */
export function signBody(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): string {
  return `t=${timestamp},v1=${hmac(secret, timestamp, body)}`;
}

/** WEBHOOK_TOLERANCE_S of this process's environment, or its default. */
function configuredTolerance(): number {
  return loadConfig({ WEBHOOK_TOLERANCE_S: process.env.WEBHOOK_TOLERANCE_S }).WEBHOOK_TOLERANCE_S;
}

/**
 * For receivers: true when `header` signs exactly `body` with `secret` and its timestamp is within
 * `toleranceSeconds` of `now`, so a captured delivery cannot be replayed later. Any `v1` entry may
 * match (several are sent while a secret is rotated).
 */
export function verifySignature(
  secret: string,
  header: string | undefined,
  body: string,
  toleranceSeconds = configuredTolerance(),
  now: Date = new Date(),
): boolean {
  if (!header) return false;
  const fields = header.split(',').map((part) => part.trim().split('='));
  const timestamps = fields.filter(([key]) => key === 't').map(([, value]) => value);
  if (timestamps.length !== 1 || !/^\d{1,12}$/.test(timestamps[0])) return false;
  const timestamp = Number(timestamps[0]);
  if (Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(hmac(secret, timestamp, body), 'hex');
  return fields
    .filter(([key, value]) => key === 'v1' && /^[0-9a-f]{64}$/i.test(value ?? ''))
    .some(([, value]) => timingSafeEqual(Buffer.from(value, 'hex'), expected));
}

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new API token: shown once to its owner; only its SHA-256 is stored. */
export function newToken(): string {
  return `nmg_${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

export function sameSecret(a: string, b: string): boolean {
  const ha = hashToken(a);
  const hb = hashToken(b);
  return timingSafeEqual(ha, hb);
}

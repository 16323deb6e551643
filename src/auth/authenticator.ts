import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Actor, Role } from '../../machines/submission.types.ts';
import { hashToken, sameSecret } from './tokens.ts';

export const SYSTEM_ACTOR: Actor = { id: '00000000-0000-0000-0000-000000000000', name: 'system', role: 'system', unitCode: null };
export const BOOTSTRAP_ADMIN: Actor = {
  id: '00000000-0000-0000-0000-000000000001',
  name: 'bootstrap admin',
  role: 'admin',
  unitCode: null,
};

interface CacheEntry {
  actor: Actor | null;
  expiresAt: number;
}

/**
 * Resolves a bearer token to its user. Answers are cached in-process for a short time so that a
 * command costs no extra round trip; a revoked token stops working within `cacheMs`.
 */
export class Authenticator {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly db: Kysely<Database>;
  private readonly bootstrapToken: string | undefined;
  private readonly cacheMs: number;

  constructor(db: Kysely<Database>, bootstrapToken: string | undefined, cacheMs: number) {
    this.db = db;
    this.bootstrapToken = bootstrapToken;
    this.cacheMs = cacheMs;
  }

  async authenticate(token: string): Promise<Actor | null> {
    if (this.bootstrapToken && sameSecret(token, this.bootstrapToken)) return BOOTSTRAP_ADMIN;
    const key = hashToken(token);
    const cacheKey = key.toString('base64');
    const cached = this.cache.get(cacheKey);
    const now = Date.now();
    if (cached && cached.expiresAt > now) return cached.actor;
    const row = await this.db
      .selectFrom('api_tokens as t')
      .innerJoin('users as u', 'u.id', 't.user_id')
      .select(['t.id as token_id', 'u.id', 'u.name', 'u.role', 'u.unit_code'])
      .where('t.token_hash', '=', key)
      .where('t.revoked_at', 'is', null)
      .where('u.disabled_at', 'is', null)
      .executeTakeFirst();
    const actor: Actor | null = row
      ? { id: row.id, name: row.name, role: row.role as Role, unitCode: row.unit_code }
      : null;
    // The last-used time is written when the lookup is not cached: at most once per cache period.
    if (row) await this.db.updateTable('api_tokens').set({ last_used_at: new Date() }).where('id', '=', row.token_id).execute();
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(cacheKey, { actor, expiresAt: now + this.cacheMs });
    return actor;
  }

  /** Forgets a revoked token at once in this process. */
  forget(tokenHash: Buffer): void {
    this.cache.delete(tokenHash.toString('base64'));
  }

  /** Forgets every cached lookup of a user (disabled, tokens rotated) at once in this process. */
  forgetUser(userId: string): void {
    for (const [key, entry] of this.cache) if (entry.actor?.id === userId) this.cache.delete(key);
  }
}

import { sql, type Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { Database } from '../../db/database.ts';
import { BOOTSTRAP_ADMIN } from '../../machines/actors.ts';
import type { Actor, Role } from '../../machines/submission.types.ts';
import type { ChangeFeed } from '../change-feed.ts';
import { hashToken, sameSecret } from './tokens.ts';


export interface AuthenticatorOptions {
  bootstrapToken?: string;
  /** How long a looked-up token is trusted without asking the database again; 0: never cached. */
  cacheMs: number;
  /** Most tokens cached; the least recently used one leaves first. */
  cacheSize: number;
  /** Tells the cache (here and in other processes) when a user's tokens are revoked. */
  changes?: ChangeFeed;
}

const cacheKey = (token: string) => hashToken(token).toString('base64');

/**
 * Resolves a bearer token to its user. Valid tokens are cached in-process (a bounded LRU) so that
 * a command costs no extra round trip. Unknown tokens are never cached, so guessing cannot push
 * good tokens out. A revocation announced on the change feed removes the user's entries at once.
 */
export class Authenticator {
  private readonly db: Kysely<Database>;
  private readonly bootstrapToken: string | undefined;
  private readonly cache: LRUCache<string, Actor> | null;
  /** Counts revocations, so that a lookup that overlapped one does not cache what it read before it. */
  private revocations = 0;

  constructor(db: Kysely<Database>, options: AuthenticatorOptions) {
    this.db = db;
    this.bootstrapToken = options.bootstrapToken;
    this.cache = options.cacheMs > 0 ? new LRUCache<string, Actor>({ max: options.cacheSize, ttl: options.cacheMs }) : null;
    options.changes?.onChange((change) => {
      if (change.kind === 'user_tokens') this.forgetUser(change.userId);
    });
    // Revocations may have been missed while the feed was down.
    options.changes?.onResync(() => this.forgetAll());
  }

  /** The actor of a token known without a database read: the bootstrap admin, or a recently looked-up token. */
  known(token: string): Actor | undefined {
    if (this.bootstrapToken && sameSecret(token, this.bootstrapToken)) return BOOTSTRAP_ADMIN;
    return this.cache?.get(cacheKey(token));
  }

  /** Asks the database; caches the answer only when the token is valid. */
  async lookUp(token: string): Promise<Actor | null> {
    const revocationsBefore = this.revocations;
    // One round trip: the lookup also records the token's last use (at most once a minute).
    const { rows } = await sql<{ id: string; name: string; role: string; unit_code: string | null }>`
      WITH found AS (
        SELECT t.id AS token_id, t.last_used_at, u.id, u.name, u.role, u.unit_code
        FROM api_tokens t JOIN users u ON u.id = t.user_id
        WHERE t.token_hash = ${hashToken(token)} AND t.revoked_at IS NULL AND u.disabled_at IS NULL
      ), touched AS (
        UPDATE api_tokens SET last_used_at = now()
        WHERE id IN (SELECT token_id FROM found WHERE last_used_at IS NULL OR last_used_at < now() - interval '1 minute')
      )
      SELECT id, name, role, unit_code FROM found`.execute(this.db);
    const row = rows[0];
    if (!row) return null;
    const actor: Actor = { id: row.id, name: row.name, role: row.role as Role, unitCode: row.unit_code };
    if (this.revocations === revocationsBefore) this.cache?.set(cacheKey(token), actor);
    return actor;
  }

  /** Drops a user's cached tokens (disabled, or tokens rotated). Rare: a scan of the cache is fine. */
  forgetUser(userId: string): void {
    this.revocations += 1;
    if (!this.cache) return;
    const keys = [...this.cache.entries()].filter(([, actor]) => actor.id === userId).map(([key]) => key);
    for (const key of keys) this.cache.delete(key);
  }

  forgetAll(): void {
    this.revocations += 1;
    this.cache?.clear();
  }
}

import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { commitWithChange } from '../change-feed.ts';
import { errors } from '../errors.ts';
import type { AuditLog } from './audit.ts';

export interface TokenView {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Named API tokens for integrations: shown once, only their hash kept, revocable one by one. */
export class ApiTokens {
  private readonly db: Kysely<Database>;
  private readonly audit: AuditLog;

  constructor(db: Kysely<Database>, audit: AuditLog) {
    this.db = db;
    this.audit = audit;
  }

  async create(userId: string, name: string, actorId: string): Promise<TokenView & { token: string }> {
    const token = newToken();
    const row = await this.db
      .insertInto('api_tokens')
      .values({ token_hash: hashToken(token), user_id: userId, name, revoked_at: null })
      .returning(['id', 'name', 'created_at'])
      .executeTakeFirstOrThrow();
    await this.audit.record({ action: 'token_created', actorId, subjectId: userId, details: { token: row.id, name } });
    return { id: row.id, name: row.name, createdAt: row.created_at.toISOString(), lastUsedAt: null, revokedAt: null, token };
  }

  async list(userId: string): Promise<TokenView[]> {
    const rows = await this.db
      .selectFrom('api_tokens')
      .select(['id', 'name', 'created_at', 'last_used_at', 'revoked_at'])
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      createdAt: r.created_at.toISOString(),
      lastUsedAt: r.last_used_at?.toISOString() ?? null,
      revokedAt: r.revoked_at?.toISOString() ?? null,
    }));
  }

  /** Revokes one of the user's tokens: at once in this process, within moments in the others. */
  async revoke(userId: string, tokenId: string, actorId: string): Promise<void> {
    await commitWithChange(this.db, { kind: 'user_tokens', userId }, async (tx) => {
      const row = await tx
        .updateTable('api_tokens')
        .set({ revoked_at: new Date() })
        .where('id', '=', tokenId)
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .returning('id')
        .executeTakeFirst();
      if (!row) throw errors.notFound('Token');
      await this.audit.record({ action: 'token_revoked', actorId, subjectId: userId, details: { token: tokenId } }, tx);
    });
  }
}

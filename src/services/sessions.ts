import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Actor, Role } from '../../machines/submission.types.ts';
import { hashToken } from '../auth/tokens.ts';

export interface SessionSettings {
  idleMs: number;
  maxMs: number;
}

export interface SessionAuth {
  actor: Actor;
  sessionId: string;
  mustChangePassword: boolean;
}

export interface SessionView {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  endedAt: string | null;
  endReason: string | null;
  clientAddress: string | null;
  userAgent: string | null;
}

/** A request's last-seen time is written at most this often: a session read costs no write. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Sessions live in Postgres: only the SHA-256 of the cookie's value is stored, so a copy of the
 * table signs no one in. A session ends after `idleMs` without a request, after `maxMs` in any case,
 * at sign-out, and at once when its user's password changes or the user is disabled.
 */
export class Sessions {
  private readonly db: Kysely<Database>;
  private readonly clock: () => number;
  private readonly settings: SessionSettings;

  constructor(db: Kysely<Database>, clock: () => number, settings: SessionSettings) {
    this.db = db;
    this.clock = clock;
    this.settings = settings;
  }

  get idleMs() {
    return this.settings.idleMs;
  }

  async start(userId: string, client: { address: string | null; userAgent: string | null }): Promise<{ token: string; id: string }> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock();
    const row = await this.db
      .insertInto('sessions')
      .values({
        token_hash: hashToken(token),
        user_id: userId,
        created_at: new Date(now),
        last_seen_at: new Date(now),
        expires_at: new Date(now + this.settings.maxMs),
        ended_at: null,
        end_reason: null,
        client_address: client.address,
        user_agent: client.userAgent?.slice(0, 300) ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { token, id: row.id };
  }

  /** The signed-in person of a cookie's value, or null (unknown, ended, idle, expired, disabled). */
  async authenticate(token: string): Promise<SessionAuth | null> {
    const row = await this.db
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select(['s.id', 's.last_seen_at', 's.expires_at', 'u.id as user_id', 'u.name', 'u.role', 'u.unit_code', 'u.must_change_password'])
      .where('s.token_hash', '=', hashToken(token))
      .where('s.ended_at', 'is', null)
      .where('u.disabled_at', 'is', null)
      .executeTakeFirst();
    if (!row) return null;
    const now = this.clock();
    if (now >= row.expires_at.getTime()) {
      await this.endById(row.id, 'expired');
      return null;
    }
    if (now - row.last_seen_at.getTime() >= this.settings.idleMs) {
      await this.endById(row.id, 'idle');
      return null;
    }
    if (now - row.last_seen_at.getTime() >= TOUCH_EVERY_MS) {
      await this.db.updateTable('sessions').set({ last_seen_at: new Date(now) }).where('id', '=', row.id).execute();
    }
    return {
      actor: { id: row.user_id, name: row.name, role: row.role as Role, unitCode: row.unit_code },
      sessionId: row.id,
      mustChangePassword: row.must_change_password,
    };
  }

  async endById(id: string, reason: string, db: Kysely<Database> = this.db): Promise<boolean> {
    const result = await db
      .updateTable('sessions')
      .set({ ended_at: new Date(this.clock()), end_reason: reason })
      .where('id', '=', id)
      .where('ended_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Ends one session of a given user (an admin's act); false when there is no such open session. */
  async endOf(userId: string, sessionId: string, reason: string): Promise<boolean> {
    const result = await this.db
      .updateTable('sessions')
      .set({ ended_at: new Date(this.clock()), end_reason: reason })
      .where('id', '=', sessionId)
      .where('user_id', '=', userId)
      .where('ended_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Ends every open session of a user but `keep` (the one that changed the password). */
  async endAllOf(userId: string, reason: string, keep: string | null = null, db: Kysely<Database> = this.db): Promise<number> {
    let query = db
      .updateTable('sessions')
      .set({ ended_at: new Date(this.clock()), end_reason: reason })
      .where('user_id', '=', userId)
      .where('ended_at', 'is', null);
    if (keep) query = query.where('id', '<>', keep);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async list(userId: string, limit = 50): Promise<SessionView[]> {
    const rows = await this.db
      .selectFrom('sessions')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
    const now = this.clock();
    return rows.map((r) => {
      // A session past its idle or absolute end is over even if no request has ended it yet.
      const lapsed = r.ended_at === null && (now >= r.expires_at.getTime() || now - r.last_seen_at.getTime() >= this.settings.idleMs);
      return {
        id: r.id,
        createdAt: r.created_at.toISOString(),
        lastSeenAt: r.last_seen_at.toISOString(),
        expiresAt: r.expires_at.toISOString(),
        endedAt: r.ended_at?.toISOString() ?? (lapsed ? new Date(Math.min(r.expires_at.getTime(), r.last_seen_at.getTime() + this.settings.idleMs)).toISOString() : null),
        endReason: r.end_reason ?? (lapsed ? (now >= r.expires_at.getTime() ? 'expired' : 'idle') : null),
        clientAddress: r.client_address,
        userAgent: r.user_agent,
      };
    });
  }
}

import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';

/** What the audit log records: who signed in or failed to, and every change to people and their keys. */
export const AUDIT_ACTIONS = [
  'sign_in',
  'sign_in_failed',
  'sign_in_locked',
  'sign_out',
  'session_ended',
  'password_changed',
  'password_reset',
  'token_created',
  'token_revoked',
  'user_created',
  'user_disabled',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  action: AuditAction;
  actorId?: string | null;
  subjectId?: string | null;
  login?: string | null;
  clientAddress?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditView {
  id: number;
  at: string;
  action: string;
  actor: { id: string; name: string } | null;
  subject: { id: string; name: string } | null;
  login: string | null;
  clientAddress: string | null;
  details: Record<string, unknown>;
}

export interface AuditFilter {
  userId?: string;
  action?: AuditAction;
  from?: Date;
  to?: Date;
  limit: number;
  /** The id of the last entry of the previous page. */
  before?: number;
}

export class AuditLog {
  private readonly db: Kysely<Database>;
  private readonly clock: () => number;

  constructor(db: Kysely<Database>, clock: () => number) {
    this.db = db;
    this.clock = clock;
  }

  async record(entry: AuditEntry, db: Kysely<Database> = this.db): Promise<void> {
    await db
      .insertInto('audit_log')
      .values({
        at: new Date(this.clock()),
        action: entry.action,
        actor_id: entry.actorId ?? null,
        subject_id: entry.subjectId ?? null,
        login: entry.login ?? null,
        client_address: entry.clientAddress ?? null,
        details: JSON.stringify(entry.details ?? {}),
      })
      .execute();
  }

  /** Newest first; a user filter matches entries where the user acted or was acted on. */
  async list(filter: AuditFilter): Promise<{ items: AuditView[]; nextBefore: number | null }> {
    let query = this.db
      .selectFrom('audit_log as a')
      .leftJoin('users as actor', 'actor.id', 'a.actor_id')
      .leftJoin('users as subject', 'subject.id', 'a.subject_id')
      .select([
        'a.id',
        'a.at',
        'a.action',
        'a.actor_id',
        'actor.name as actor_name',
        'a.subject_id',
        'subject.name as subject_name',
        'a.login',
        'a.client_address',
        'a.details',
      ])
      .orderBy('a.id', 'desc')
      .limit(filter.limit + 1);
    if (filter.userId) {
      const userId = filter.userId;
      query = query.where((eb) => eb.or([eb('a.actor_id', '=', userId), eb('a.subject_id', '=', userId)]));
    }
    if (filter.action) query = query.where('a.action', '=', filter.action);
    if (filter.from) query = query.where('a.at', '>=', filter.from);
    if (filter.to) query = query.where('a.at', '<', filter.to);
    if (filter.before !== undefined) query = query.where('a.id', '<', filter.before);
    const rows = await query.execute();
    const page = rows.slice(0, filter.limit);
    return {
      items: page.map((r) => ({
        id: Number(r.id),
        at: r.at.toISOString(),
        action: r.action,
        actor: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? '' } : null,
        subject: r.subject_id ? { id: r.subject_id, name: r.subject_name ?? '' } : null,
        login: r.login,
        clientAddress: r.client_address,
        details: r.details,
      })),
      nextBefore: rows.length > filter.limit ? Number(page.at(-1)!.id) : null,
    };
  }
}

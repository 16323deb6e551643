import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { UNIT_SCOPED_ROLES, type Actor } from '../../machines/submission.types.ts';
import { errors } from '../errors.ts';
import { canSee } from './submission-commands.ts';

/** One step of an item's timeline: a history row (a transition, an edit, a photo change) or a comment. */
export interface TimelineEntry {
  /** The history row's seq; for a comment, the seq of the step it follows. */
  seq: number;
  action: string;
  from: string | null;
  to: string;
  actor: { id: string; name: string; role: string };
  reason: string | null;
  signer: string | null;
  details: Record<string, unknown> | null;
  /** A comment's text; null for every other step. */
  text: string | null;
  at: string;
}

export interface CommentView {
  id: string;
  text: string;
  author: { id: string; name: string; role: string };
  state: string;
  at: string;
}

/**
 * Comments (批注) and the timeline they appear in. A comment changes neither the item nor its
 * version (nobody's If-Match fails because someone commented), so it is kept beside the history and
 * merged into it on reading. Its notice goes through the outbox like every other notification:
 * from the region to the unit's people, from the unit to the reviewer who holds or last handled it.
 */
export class SubmissionTimeline {
  private readonly db: Kysely<Database>;
  private readonly clock: () => number;

  constructor(db: Kysely<Database>, clock: () => number) {
    this.db = db;
    this.clock = clock;
  }

  private async visibleItem(actor: Actor, id: string) {
    const item = await this.db.selectFrom('items').select(['id', 'unit_code', 'state', 'version']).where('id', '=', id).executeTakeFirst();
    if (!item || !canSee(actor, item.unit_code)) throw errors.notFound('Submission');
    return item;
  }

  async addComment(actor: Actor, id: string, text: string): Promise<CommentView> {
    const item = await this.visibleItem(actor, id);
    const at = new Date(this.clock());
    const kind = UNIT_SCOPED_ROLES.has(actor.role) ? 'comment_from_unit' : 'comment_from_region';
    const row = await this.db.transaction().execute(async (trx) => {
      const comment = await trx
        .insertInto('item_comments')
        .values({
          item_id: item.id,
          after_seq: item.version,
          state: item.state,
          author_id: actor.id,
          author_name: actor.name,
          author_role: actor.role,
          text,
          at,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('outbox')
        .values({ item_id: item.id, history_seq: null, topic: 'notify', payload: JSON.stringify({ kind, unitCode: item.unit_code, reason: text }) })
        .execute();
      return comment;
    });
    return commentView(row);
  }

  async comments(actor: Actor, id: string): Promise<CommentView[]> {
    await this.visibleItem(actor, id);
    const rows = await this.db.selectFrom('item_comments').selectAll().where('item_id', '=', id).orderBy('n').execute();
    return rows.map(commentView);
  }

  /** The item's history with its comments merged in, in the order they happened. */
  async history(actor: Actor, id: string): Promise<TimelineEntry[]> {
    await this.visibleItem(actor, id);
    const [steps, comments] = await Promise.all([
      this.db.selectFrom('item_history').selectAll().where('item_id', '=', id).orderBy('seq').execute(),
      this.db.selectFrom('item_comments').selectAll().where('item_id', '=', id).orderBy('n').execute(),
    ]);
    const entries: Array<TimelineEntry & { order: [number, number, number] }> = [
      ...steps.map((h) => ({
        seq: h.seq,
        action: h.action,
        from: h.from_state,
        to: h.to_state,
        actor: { id: h.actor_id, name: h.actor_name, role: h.actor_role },
        reason: h.reason,
        signer: h.signer,
        details: h.details ?? null,
        text: null,
        at: h.at.toISOString(),
        order: [h.seq, 0, 0] as [number, number, number],
      })),
      ...comments.map((c, i) => ({
        seq: c.after_seq,
        action: 'comment',
        from: c.state,
        to: c.state,
        actor: { id: c.author_id, name: c.author_name, role: c.author_role },
        reason: null,
        signer: null,
        details: null,
        text: c.text,
        at: c.at.toISOString(),
        // A comment follows the step it was written after, and the comments before it.
        order: [c.after_seq, 1, i] as [number, number, number],
      })),
    ];
    entries.sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1] || a.order[2] - b.order[2]);
    return entries.map(({ order: _order, ...entry }) => entry);
  }
}

function commentView(row: { id: string; text: string; author_id: string; author_name: string; author_role: string; state: string; at: Date }): CommentView {
  return {
    id: row.id,
    text: row.text,
    author: { id: row.author_id, name: row.author_name, role: row.author_role },
    state: row.state,
    at: row.at.toISOString(),
  };
}

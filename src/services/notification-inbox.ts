import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { errors } from '../errors.ts';

export interface NotificationView {
  id: number;
  kind: string;
  itemId: string | null;
  message: string;
  createdAt: string;
  readAt: string | null;
}

const view = (n: { id: number; kind: string; item_id: string | null; message: string; created_at: Date; read_at: Date | null }): NotificationView => ({
  id: n.id,
  kind: n.kind,
  itemId: n.item_id,
  message: n.message,
  createdAt: n.created_at.toISOString(),
  readAt: n.read_at ? n.read_at.toISOString() : null,
});

/** A person's notifications: always their own. */
export class NotificationInbox {
  private readonly db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.db = db;
  }

  /** Newest first; `before` is the last id of the previous page. */
  async list(userId: string, page: { unread?: boolean; limit: number; before?: number }) {
    let query = this.db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
    if (page.unread !== undefined) query = query.where('read_at', page.unread ? 'is' : 'is not', null);
    if (page.before) query = query.where('id', '<', page.before);
    const rows = await query.orderBy('id', 'desc').limit(page.limit + 1).execute();
    const items = rows.slice(0, page.limit);
    return { items: items.map(view), nextBefore: rows.length > page.limit ? (items.at(-1)?.id ?? null) : null };
  }

  async markRead(userId: string, id: number): Promise<NotificationView> {
    const row = await this.db
      .updateTable('notifications')
      .set({ read_at: new Date() })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw errors.notFound('Notification');
    return view(row);
  }

  async unreadCount(userId: string): Promise<number> {
    const row = await this.db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}

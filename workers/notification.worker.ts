import type { Job } from 'bullmq';
import type { Insertable, Kysely } from 'kysely';
import type { Database, NotificationsTable } from '../db/database.ts';
import { notificationJob, webhookJob, type NotificationJob } from './jobs.ts';
import { NOTIFICATION_TEMPLATES, type Audience } from './notification-messages.ts';
import { markOutboxDone } from './outbox-done.ts';
import { withinQueueTimeout } from './queue-guard.ts';
import type { QueueKit } from './queues.ts';

const ROLES_OF: Record<Exclude<Audience, 'reviewers' | 'item_reviewer'>, string[]> = {
  unit_editors: ['editor'],
  unit_approvers: ['approver'],
  unit_all: ['editor', 'approver'],
};

async function recipients(db: Kysely<Database>, audience: Audience, unitCode: string, itemId: string, claimedBy: string | null) {
  let query = db.selectFrom('users').select('id').where('disabled_at', 'is', null);
  if (audience === 'item_reviewer') {
    // The claimer, or else the reviewer who last acted on or commented on the item; nobody if none has yet.
    const reviewer = claimedBy ?? (await lastReviewerOf(db, itemId));
    if (!reviewer) return [];
    query = query.where('id', '=', reviewer).where('role', '=', 'reviewer');
  } else if (audience === 'reviewers') {
    // A claimed item concerns its claimer only.
    query = claimedBy ? query.where('id', '=', claimedBy) : query.where('role', '=', 'reviewer');
  } else {
    query = query.where('unit_code', '=', unitCode).where('role', 'in', ROLES_OF[audience]);
  }
  return (await query.execute()).map((r) => r.id);
}

async function lastReviewerOf(db: Kysely<Database>, itemId: string): Promise<string | null> {
  const [step, comment] = await Promise.all([
    db.selectFrom('item_history').select(['actor_id', 'at']).where('item_id', '=', itemId).where('actor_role', '=', 'reviewer')
      .orderBy('seq', 'desc').limit(1).executeTakeFirst(),
    db.selectFrom('item_comments').select(['author_id', 'at']).where('item_id', '=', itemId).where('author_role', '=', 'reviewer')
      .orderBy('n', 'desc').limit(1).executeTakeFirst(),
  ]);
  if (step && comment) return comment.at > step.at ? comment.author_id : step.actor_id;
  return step?.actor_id ?? comment?.author_id ?? null;
}

async function matchingWebhooks(db: Kysely<Database>, unitCode: string, userIds: string[]) {
  return db
    .selectFrom('webhooks')
    .select('id')
    .where('disabled_at', 'is', null)
    .where((eb) => eb.or([eb('unit_code', '=', unitCode), ...(userIds.length ? [eb('user_id', 'in', userIds)] : [])]))
    .execute();
}

/** Stores the notifications (unique per recipient and outbox row); with `done`, marks the row done in the same statement. */
async function storeNotifications(db: Kysely<Database>, rows: Insertable<NotificationsTable>[], outboxId: number, done: boolean) {
  if (rows.length === 0) {
    if (done) await markOutboxDone(db, outboxId).execute();
    return 0;
  }
  const into = done ? db.with('done', (qc) => markOutboxDone(qc, outboxId)) : db;
  const result = await into
    .insertInto('notifications')
    .values(rows)
    .onConflict((oc) => oc.columns(['user_id', 'source']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

export interface Delivered {
  recipients: number;
  /** Notifications added now (fewer than recipients when a retry finds some already there). */
  stored: number;
}

/**
 * Stores one notification per recipient, queues a webhook delivery per matching webhook (with a
 * deterministic id), and marks the outbox row done. With no webhook to queue, storing and marking
 * done are one statement. With webhooks, the notifications are stored first, so that people see
 * them even while the queue is down; the row is done only once its deliveries are queued, so a
 * queue failure throws and leaves it undone for a retry (the job's, or the reconciler's), which
 * adds no second notification and queues each delivery under the same id. `kit` is null when the
 * caller knows the queue is down.
 */
export async function deliverNotification(db: Kysely<Database>, kit: QueueKit | null, data: NotificationJob): Promise<Delivered> {
  const template = NOTIFICATION_TEMPLATES[data.kind];
  const item = template
    ? await db.selectFrom('items').select(['title', 'due_at', 'stale_at', 'claimed_by']).where('id', '=', data.itemId).executeTakeFirst()
    : undefined;
  if (!template || !item) {
    await markOutboxDone(db, data.outboxId).execute();
    return { recipients: 0, stored: 0 };
  }
  const message = template.text({ title: item.title, reason: data.reason, dueAt: item.due_at, staleAt: item.stale_at });
  const userIds = await recipients(db, template.audience, data.unitCode, data.itemId, item.claimed_by);
  const hooks = await matchingWebhooks(db, data.unitCode, userIds);
  const source = `outbox-${data.outboxId}`;
  const rows = userIds.map((user_id) => ({ user_id, item_id: data.itemId, kind: data.kind, message, source, read_at: null }));
  const stored = await storeNotifications(db, rows, data.outboxId, hooks.length === 0);
  if (hooks.length === 0) return { recipients: userIds.length, stored };

  if (!kit) throw new Error(`queue unavailable: ${hooks.length} webhook deliveries wait`);
  const createdAt = new Date().toISOString();
  for (const hook of hooks) {
    const delivery = `${source}-${hook.id}`;
    const payload = webhookJob.parse({
      webhookId: hook.id,
      delivery,
      event: { id: source, kind: data.kind, itemId: data.itemId, unitCode: data.unitCode, message, createdAt },
    });
    await withinQueueTimeout(kit.queue('webhooks').add('deliver', payload, { jobId: delivery }), 'queue webhooks');
  }
  await markOutboxDone(db, data.outboxId).execute();
  return { recipients: userIds.length, stored };
}

export function notificationProcessor(db: Kysely<Database>, kit: QueueKit) {
  return async (job: Job) => deliverNotification(db, kit, notificationJob.parse(job.data));
}

import type { Job } from 'bullmq';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { notificationJob, webhookJob, type NotificationJob } from './jobs.ts';
import { NOTIFICATION_TEMPLATES, type Audience } from './notification-messages.ts';
import type { QueueKit } from './queues.ts';

const ROLES_OF: Record<Exclude<Audience, 'reviewers'>, string[]> = {
  unit_editors: ['editor'],
  unit_approvers: ['approver'],
  unit_all: ['editor', 'approver'],
};

async function recipients(db: Kysely<Database>, audience: Audience, unitCode: string, claimedBy: string | null) {
  let query = db.selectFrom('users').select('id').where('disabled_at', 'is', null);
  if (audience === 'reviewers') {
    // A claimed item concerns its claimer only.
    query = claimedBy ? query.where('id', '=', claimedBy) : query.where('role', '=', 'reviewer');
  } else {
    query = query.where('unit_code', '=', unitCode).where('role', 'in', ROLES_OF[audience]);
  }
  return (await query.execute()).map((r) => r.id);
}

/**
 * Stores one notification per recipient (unique per recipient and outbox row, so a retry adds
 * nothing), then queues a webhook delivery per matching webhook with a deterministic id.
 */
export async function deliverNotification(db: Kysely<Database>, kit: QueueKit, data: NotificationJob): Promise<number> {
  const template = NOTIFICATION_TEMPLATES[data.kind];
  if (!template) return 0;
  const item = await db
    .selectFrom('items')
    .select(['title', 'due_at', 'stale_at', 'claimed_by'])
    .where('id', '=', data.itemId)
    .executeTakeFirst();
  if (!item) return 0;
  const message = template.text({ title: item.title, reason: data.reason, dueAt: item.due_at, staleAt: item.stale_at });
  const userIds = await recipients(db, template.audience, data.unitCode, item.claimed_by);
  const source = `outbox-${data.outboxId}`;
  if (userIds.length > 0) {
    await db
      .insertInto('notifications')
      .values(userIds.map((user_id) => ({ user_id, item_id: data.itemId, kind: data.kind, message, source, read_at: null })))
      .onConflict((oc) => oc.columns(['user_id', 'source']).doNothing())
      .execute();
  }
  const hooks = await db
    .selectFrom('webhooks')
    .select('id')
    .where('disabled_at', 'is', null)
    .where((eb) =>
      eb.or([eb('unit_code', '=', data.unitCode), ...(userIds.length ? [eb('user_id', 'in', userIds)] : [])]),
    )
    .execute();
  const createdAt = new Date().toISOString();
  for (const hook of hooks) {
    const delivery = `${source}-${hook.id}`;
    const payload = webhookJob.parse({
      webhookId: hook.id,
      delivery,
      event: { id: source, kind: data.kind, itemId: data.itemId, unitCode: data.unitCode, message, createdAt },
    });
    await kit.queue('webhooks').add('deliver', payload, { jobId: delivery });
  }
  return userIds.length;
}

export function notificationProcessor(db: Kysely<Database>, kit: QueueKit) {
  return async (job: Job) => ({ recipients: await deliverNotification(db, kit, notificationJob.parse(job.data)) });
}

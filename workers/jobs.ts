import { z } from 'zod';

/** Job payloads, checked when a job is added and again when it runs. */

export const deadlineJob = z.object({
  itemId: z.uuid(),
  event: z.enum(['mark_late', 'expire', 'remind']),
  reminder: z.enum(['signoff_waiting', 'stale_soon']).optional(),
  /** When the deadline falls (epoch ms): where the item's chain of deadline jobs goes on from (absent in jobs queued before the chain). */
  at: z.number().int().optional(),
});
export type DeadlineJob = z.infer<typeof deadlineJob>;

export const scoreJob = z.object({
  /** The outbox row that promised the entry, marked done with it (absent in jobs queued before it was added). */
  outboxId: z.number().int().positive().optional(),
  itemId: z.uuid(),
  seq: z.number().int().positive(),
  kind: z.enum(['submitted', 'adopted', 'national_adopted']),
  unitCode: z.string(),
});
export type ScoreJob = z.infer<typeof scoreJob>;

export const notificationJob = z.object({
  outboxId: z.number().int().positive(),
  itemId: z.uuid(),
  kind: z.string(),
  unitCode: z.string(),
  reason: z.string().nullable(),
});
export type NotificationJob = z.infer<typeof notificationJob>;

export const webhookJob = z.object({
  webhookId: z.uuid(),
  delivery: z.string(),
  event: z.object({
    id: z.string(),
    kind: z.string(),
    itemId: z.string().nullable(),
    unitCode: z.string().nullable(),
    message: z.string(),
    createdAt: z.string(),
  }),
});
export type WebhookJob = z.infer<typeof webhookJob>;

/** An outbox row as the relay and the reconciler read it. */
export interface OutboxRow {
  id: number;
  item_id: string | null;
  history_seq: number | null;
  topic: string;
  payload: Record<string, unknown>;
}

/** The job a 'score' row promises: the relay queues it, the reconciler applies it directly. */
export function scoreJobOf(row: OutboxRow): ScoreJob {
  return scoreJob.parse({
    outboxId: row.id,
    itemId: row.item_id,
    seq: row.history_seq,
    kind: row.payload.kind,
    unitCode: row.payload.unitCode,
  });
}

/** The job a 'notify' row promises. */
export function notificationJobOf(row: OutboxRow): NotificationJob {
  return notificationJob.parse({
    outboxId: row.id,
    itemId: row.item_id,
    kind: row.payload.kind,
    unitCode: row.payload.unitCode,
    reason: row.payload.reason ?? null,
  });
}

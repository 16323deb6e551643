import { z } from 'zod';

/** Job payloads, checked when a job is added and again when it runs. */

export const deadlineJob = z.object({
  itemId: z.uuid(),
  event: z.enum(['mark_late', 'expire', 'remind']),
  reminder: z.enum(['signoff_waiting', 'stale_soon']).optional(),
});
export type DeadlineJob = z.infer<typeof deadlineJob>;

export const scoreJob = z.object({
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

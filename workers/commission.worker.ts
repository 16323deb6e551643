import type { Job, Processor } from 'bullmq';
import { z } from 'zod';
import { commissionReminderAt } from '../src/services/commission-schedule.ts';
import { shanghaiDate } from '../src/time/shanghai.ts';
import type { WorkCalendar } from '../src/time/work-calendar.ts';

/** Job names of commissions (约稿) in the deadlines queue: the miss at the due date, an item's step applied to its assignment. */
export const COMMISSION_MISS = 'commission_miss';
export const COMMISSION_STEP = 'commission_step';
export const COMMISSION_REMIND = 'commission_remind';

const commissionMissData = z.object({ commissionId: z.uuid(), dueAt: z.iso.datetime() });
export const commissionStepData = z.object({ outboxId: z.number().int().positive() });

/** What the worker and the sweeper need from the commission service. */
export interface CommissionJobs {
  missOverdue(commissionId?: string): Promise<number>;
  remindDueSoon(commissionId?: string): Promise<number>;
  applyItemStep(outboxId: number): Promise<boolean>;
  applyPendingItemSteps(): Promise<number>;
}

/**
 * The delayed job a `commission_deadline` outbox row promises: just after the end of the due date.
 * A moved due date gets a new id; the old job then finds nothing overdue (the machine checks the time).
 */
export function commissionMissJob(payload: Record<string, unknown>) {
  const data = commissionMissData.parse(payload);
  const dueAt = Date.parse(data.dueAt);
  return { jobId: `commission-miss-${data.commissionId}-${dueAt}`, runAt: dueAt + 1, data };
}

/** The reminder job of the same row: on the last working day before the due date. */
export function commissionReminderJob(payload: Record<string, unknown>, calendar: WorkCalendar) {
  const data = commissionMissData.parse(payload);
  const dueAt = Date.parse(data.dueAt);
  return { jobId: `commission-remind-${data.commissionId}-${dueAt}`, runAt: commissionReminderAt(shanghaiDate(dueAt), calendar), data };
}

/**
 * The deadlines queue's processor with commissions' jobs beside the items' deadlines: a job named
 * `commission_miss` marks the commission's overdue open assignments missed, `commission_remind` reminds
 * the units of those due soon; `commission_step`
 * applies an item's sign-off or adoption to the assignment it answers (exactly once, by outbox row).
 */
export function withCommissionJobs(commissions: CommissionJobs, itemDeadlines: Processor): Processor {
  return async (job: Job) => {
    if (job.name === COMMISSION_MISS) return { applied: await commissions.missOverdue(commissionMissData.parse(job.data).commissionId) };
    if (job.name === COMMISSION_REMIND) return { applied: await commissions.remindDueSoon(commissionMissData.parse(job.data).commissionId) };
    if (job.name === COMMISSION_STEP) return { applied: await commissions.applyItemStep(commissionStepData.parse(job.data).outboxId) };
    return itemDeadlines(job);
  };
}

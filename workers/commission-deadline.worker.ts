import type { Job, Processor } from 'bullmq';
import { z } from 'zod';

/** The job name of a commission's miss in the deadlines queue (约稿). */
export const COMMISSION_MISS = 'commission_miss';

const commissionMissData = z.object({ commissionId: z.uuid(), dueAt: z.iso.datetime() });

/** What the worker and the sweeper need from the commission service. */
export interface CommissionMisses {
  missOverdue(commissionId?: string): Promise<number>;
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

/**
 * The deadlines queue's processor with commissions' misses beside the items' deadlines: a job
 * named `commission_miss` marks the commission's overdue open assignments missed.
 */
export function withCommissionMisses(commissions: CommissionMisses, itemDeadlines: Processor): Processor {
  return async (job: Job) => {
    if (job.name !== COMMISSION_MISS) return itemDeadlines(job);
    const data = commissionMissData.parse(job.data);
    return { applied: await commissions.missOverdue(data.commissionId) };
  };
}

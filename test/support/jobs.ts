import type { Job } from 'bullmq';
import type { QueueKit, QueueName } from '../../workers/queues.ts';
import { eventually } from './app.ts';

/**
 * Delayed jobs without waiting for them: tests wait for the relay to schedule a job, check its
 * delay, move the TestClock to when the job is due and promote it (both backends support
 * `job.promote()`), so that a worker runs it at once.
 */

/** The job once it is in the queue, in whatever state (the relay polls the outbox). */
export async function queuedJob(kit: QueueKit, queue: QueueName, jobId: string, timeoutMs = 10_000): Promise<Job> {
  return eventually(() => kit.queue(queue).getJob(jobId), timeoutMs, `job ${jobId} in ${queue}`);
}

/** The first delayed job whose data matches, once the relay has scheduled it. */
export async function delayedJobWhere(kit: QueueKit, queue: QueueName, matches: (data: Record<string, unknown>) => boolean, timeoutMs = 10_000): Promise<Job> {
  return eventually(
    async () => (await kit.queue(queue).getJobs(['delayed'])).find((job) => matches(job.data)),
    timeoutMs,
    `a matching delayed job in ${queue}`,
  );
}

/** Runs a delayed job now instead of at its time. */
export async function promote(kit: QueueKit, queue: QueueName, jobId: string): Promise<void> {
  const job = await queuedJob(kit, queue, jobId);
  await job.promote();
}

/** The job once a worker has completed it, read again so that it carries its return value. */
export async function completedJob(kit: QueueKit, queue: QueueName, jobId: string, timeoutMs = 10_000): Promise<Job> {
  return eventually(async () => {
    const job = await kit.queue(queue).getJob(jobId);
    // A copy read while the job ran has no return value: read it again once complete.
    return job && (await job.getState()) === 'completed' ? kit.queue(queue).getJob(jobId) : null;
  }, timeoutMs, `job ${jobId} in ${queue} to complete`);
}

const FOLLOW_UP_QUEUES: QueueName[] = ['scores', 'notifications', 'webhooks'];

/**
 * Everything the outbox promised has gone through: no row waits for the relay and no job of these
 * queues waits, runs or waits for a retry. The deadlines queue is left out by default: its jobs
 * are delayed by design.
 */
export async function settled(
  kit: QueueKit,
  pendingOutboxRows: () => Promise<number>,
  queues: QueueName[] = FOLLOW_UP_QUEUES,
  timeoutMs = 10_000,
): Promise<void> {
  await eventually(async () => {
    if ((await pendingOutboxRows()) > 0) return false;
    for (const name of queues) {
      const counts = await kit.queue(name).getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
      if (Object.values(counts).some((n) => n > 0)) return false;
    }
    return true;
  }, timeoutMs, `outbox and ${queues.join(', ')} to settle`);
}

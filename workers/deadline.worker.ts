import type { Job } from 'bullmq';
import { SYSTEM_ACTOR } from '../machines/actors.ts';
import type { SubmissionCommands } from '../src/services/submission-commands.ts';
import type { SubmissionEvent } from '../machines/submission.types.ts';
import { deadlineJob } from './jobs.ts';

/**
 * A deadline fired: send the system event through the same command service as the HTTP API.
 * The machine's guards re-check the time and state, so a job for an item that moved on does nothing.
 */
export function deadlineProcessor(commands: SubmissionCommands, clock: () => number) {
  return async (job: Job) => {
    const data = deadlineJob.parse(job.data);
    const base = { actor: SYSTEM_ACTOR, now: clock() };
    const event: SubmissionEvent =
      data.event === 'remind'
        ? { ...base, type: 'remind', reminder: data.reminder ?? 'stale_soon' }
        : { ...base, type: data.event };
    const applied = await commands.system(data.itemId, event);
    return { applied };
  };
}

import type { Job } from 'bullmq';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { SYSTEM_ACTOR } from '../machines/actors.ts';
import type { SubmissionCommands } from '../src/services/submission-commands.ts';
import type { SubmissionEvent, SubmissionState } from '../machines/submission.types.ts';
import type { WorkCalendar } from '../src/time/work-calendar.ts';
import { addDeadlineJob, deadlinesOf, nextDeadline, type ItemTimes, type ReminderSettings } from './deadline-schedule.ts';
import { deadlineJob } from './jobs.ts';
import type { QueueKit } from './queues.ts';

export interface DeadlineWorkerDeps {
  db: Kysely<Database>;
  commands: SubmissionCommands;
  kit: QueueKit;
  calendar: WorkCalendar;
  reminders: ReminderSettings;
  clock: () => number;
}

/** The item's deadline columns as they are after the job's event. */
export async function readItemTimes(db: Kysely<Database>, id: string): Promise<ItemTimes | null> {
  const row = await db
    .selectFrom('items')
    .select(['id', 'state', 'due_at', 'stale_at', 'state_entered_at', sql<boolean>`coalesce((snapshot -> 'context' ->> 'reminded')::boolean, false)`.as('reminded')])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  return { id: row.id, state: row.state as SubmissionState, dueAt: row.due_at.getTime(), staleAt: row.stale_at.getTime(), enteredAt: row.state_entered_at.getTime(), reminded: row.reminded };
}

/**
 * A deadline fired: send the system event through the same command service as the HTTP API (the
 * machine's guards re-check the time and state, so a job for an item that moved on does nothing),
 * then schedule the item's next deadline. Jobs queued before the chain carry no `at`: their item's
 * other deadlines are queued already, so they schedule nothing.
 */
export function deadlineProcessor(deps: DeadlineWorkerDeps) {
  return async (job: Job) => {
    const data = deadlineJob.parse(job.data);
    const base = { actor: SYSTEM_ACTOR, now: deps.clock() };
    const event: SubmissionEvent =
      data.event === 'remind'
        ? { ...base, type: 'remind', reminder: data.reminder ?? 'stale_soon' }
        : { ...base, type: data.event };
    const applied = await deps.commands.system(data.itemId, event);
    if (data.at === undefined) return { applied };
    const item = await readItemTimes(deps.db, data.itemId);
    const next = item && nextDeadline(deadlinesOf(item, deps.reminders, deps.calendar), { runAt: data.at, data });
    if (next) await addDeadlineJob(deps.kit, next, deps.clock());
    return { applied, next: next?.jobId ?? null };
  };
}

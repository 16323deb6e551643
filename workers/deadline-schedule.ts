import { shanghaiDate, startOfDay } from '../src/time/shanghai.ts';
import type { WorkCalendar } from '../src/time/work-calendar.ts';
import type { DeadlineJob } from './jobs.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** When reminders go out; shared by the relay (delayed jobs) and the sweeper (their safety net). */
export interface ReminderSettings {
  staleReminderDays: number;
  signoffReminderWorkdays: number;
  batchSize?: number;
}

export interface ScheduledJob {
  /** Deterministic: the same deadline scheduled twice is one job. */
  jobId: string;
  runAt: number;
  data: DeadlineJob;
}

/**
 * Delayed jobs for an item's deadlines: flag late just after `dueAt`, expire just after `staleAt`,
 * remind reviewers `staleReminderDays` before `staleAt`. A moved deadline gets new ids.
 */
export function deadlineJobs(itemId: string, dueAt: number, staleAt: number, staleReminderDays: number): ScheduledJob[] {
  return [
    { jobId: `late-${itemId}-${dueAt}`, runAt: dueAt + 1, data: { itemId, event: 'mark_late' } },
    { jobId: `expire-${itemId}-${staleAt}`, runAt: staleAt + 1, data: { itemId, event: 'expire' } },
    {
      jobId: `stale-soon-${itemId}-${staleAt}`,
      runAt: staleAt + 1 - staleReminderDays * DAY_MS,
      data: { itemId, event: 'remind', reminder: 'stale_soon' },
    },
  ];
}

/** The approver's reminder: `workdays` working days after the item started waiting, same time of day. */
export function signoffReminderAt(enteredAt: number, workdays: number, calendar: WorkCalendar): number {
  const day = shanghaiDate(enteredAt);
  const target = calendar.addWorkdays(day, workdays).date;
  return startOfDay(target) + (enteredAt - startOfDay(day));
}

export function signoffReminderJob(itemId: string, enteredAt: number, workdays: number, calendar: WorkCalendar): ScheduledJob {
  return {
    jobId: `signoff-${itemId}-${enteredAt}`,
    runAt: signoffReminderAt(enteredAt, workdays, calendar),
    data: { itemId, event: 'remind', reminder: 'signoff_waiting' },
  };
}

import { statesTagged } from '../machines/submission.runtime.ts';
import type { SubmissionState } from '../machines/submission.types.ts';
import { shanghaiDate, startOfDay } from '../src/time/shanghai.ts';
import type { WorkCalendar } from '../src/time/work-calendar.ts';
import type { DeadlineJob } from './jobs.ts';
import type { QueueKit } from './queues.ts';
import { withinQueueTimeout } from './queue-guard.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** When reminders go out; shared by the relay, the deadline jobs and the sweeper (their safety net). */
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
  const staleSoonAt = staleAt + 1 - staleReminderDays * DAY_MS;
  return [
    { jobId: `late-${itemId}-${dueAt}`, runAt: dueAt + 1, data: { itemId, event: 'mark_late', at: dueAt + 1 } },
    { jobId: `expire-${itemId}-${staleAt}`, runAt: staleAt + 1, data: { itemId, event: 'expire', at: staleAt + 1 } },
    { jobId: `stale-soon-${itemId}-${staleAt}`, runAt: staleSoonAt, data: { itemId, event: 'remind', reminder: 'stale_soon', at: staleSoonAt } },
  ];
}

/** The approver's reminder: `workdays` working days after the item started waiting, same time of day. */
export function signoffReminderAt(enteredAt: number, workdays: number, calendar: WorkCalendar): number {
  const day = shanghaiDate(enteredAt);
  const target = calendar.addWorkdays(day, workdays).date;
  return startOfDay(target) + (enteredAt - startOfDay(day));
}

export function signoffReminderJob(itemId: string, enteredAt: number, workdays: number, calendar: WorkCalendar): ScheduledJob {
  const runAt = signoffReminderAt(enteredAt, workdays, calendar);
  return { jobId: `signoff-${itemId}-${enteredAt}`, runAt, data: { itemId, event: 'remind', reminder: 'signoff_waiting', at: runAt } };
}

/** An item as its deadline jobs read it. */
export interface ItemTimes {
  id: string;
  state: SubmissionState;
  dueAt: number;
  staleAt: number;
  /** When it entered its state (for the approver's reminder). */
  enteredAt: number;
  reminded: boolean;
}

const WITH_DEADLINES = new Set(statesTagged('deadlines'));
const APPROVER_QUEUE = new Set(statesTagged('queue:approver'));

/** Of two deadlines at the same instant, which comes first. */
const RANK: Record<string, number> = { mark_late: 0, signoff_waiting: 1, stale_soon: 2, expire: 3 };
const rankOf = (data: DeadlineJob) => RANK[data.event === 'remind' ? (data.reminder ?? 'stale_soon') : data.event];
type Timed = Pick<ScheduledJob, 'runAt' | 'data'>;
const before = (a: Timed, b: Timed) => a.runAt - b.runAt || rankOf(a.data) - rankOf(b.data);

/** Whether `a` falls due before `b`. */
export const soonerThan = (a: ScheduledJob, b: ScheduledJob) => before(a, b) < 0;

/** The soonest of an item's deadlines: where its chain of jobs starts. */
export const chainStart = (jobs: ScheduledJob[]): ScheduledJob => [...jobs].sort(before)[0];

/**
 * Every deadline the item still has, soonest first: none once it left the states that have
 * deadlines (it never comes back to them), the approver's reminder while it waits for sign-off.
 */
export function deadlinesOf(item: ItemTimes, settings: ReminderSettings, calendar: WorkCalendar): ScheduledJob[] {
  if (!WITH_DEADLINES.has(item.state)) return [];
  const jobs = deadlineJobs(item.id, item.dueAt, item.staleAt, settings.staleReminderDays);
  if (APPROVER_QUEUE.has(item.state) && !item.reminded) jobs.push(signoffReminderJob(item.id, item.enteredAt, settings.signoffReminderWorkdays, calendar));
  return jobs.sort(before);
}

/**
 * The deadline after `fired` (a job of this item that ran): an item keeps one pending deadline job,
 * and each job, when it runs, schedules the next. One job instead of four is what keeps Redis at
 * under a kilobyte per pending item (see the memory benchmark). A deadline already past is
 * scheduled at once, so that a chain that fell behind catches up.
 */
export function nextDeadline(deadlines: ScheduledJob[], fired: Timed): ScheduledJob | undefined {
  return deadlines.find((job) => before(job, fired) > 0);
}

/** Adds a deadline job with the relay's options (its deterministic id makes a second add a no-op). */
export async function addDeadlineJob(kit: QueueKit, job: ScheduledJob, now: number): Promise<void> {
  const added = kit.queue('deadlines').add(job.data.event, job.data, { jobId: job.jobId, delay: Math.max(0, job.runAt - now) });
  await withinQueueTimeout(added, 'queue deadlines');
}

/** A `signoff_requested` notice's row, with its step's time and the item as it is now. */
export interface SignoffRequest {
  item_id: string | null;
  /** When the history step of the row happened. */
  at: Date | null;
  state: string | null;
  state_entered_at: Date | null;
  due_at: Date | null;
  stale_at: Date | null;
}

/**
 * The approver's reminder joins the item's chain of deadline jobs: if it comes before the chain's
 * pending job, that job is removed and the reminder scheduled (the reminder schedules the job
 * again when it runs); if after, the chain reaches it. Either way the item keeps one pending job.
 * A removal that fails (the job is running) leaves two for a while, which is harmless.
 *
 * Nothing is done for a request the item has left since (signed off, returned: its reminder would
 * come early or never apply), nor twice for one request: once the reminder exists (waiting, or run
 * and kept), a second pass (the relay retrying a batch, the reconciler finishing a row the relay
 * also sent) must not remove the job that reminder scheduled.
 */
export async function scheduleSignoffReminder(kit: QueueKit, row: SignoffRequest, settings: ReminderSettings, calendar: WorkCalendar, now: number): Promise<void> {
  if (!row.item_id || !row.at) return;
  const enteredAt = row.at.getTime();
  const stillWaiting = row.state !== null && APPROVER_QUEUE.has(row.state as SubmissionState) && row.state_entered_at?.getTime() === enteredAt;
  if (!stillWaiting) return;
  const reminder = signoffReminderJob(row.item_id, enteredAt, settings.signoffReminderWorkdays, calendar);
  const pending =
    row.due_at && row.stale_at
      ? deadlineJobs(row.item_id, row.due_at.getTime(), row.stale_at.getTime(), settings.staleReminderDays).filter((job) => job.runAt > enteredAt)
      : [];
  const chained = pending.length > 0 ? chainStart(pending) : null;
  if (chained && !soonerThan(reminder, chained)) return;
  const queue = kit.queue('deadlines');
  if (await withinQueueTimeout(queue.getJob(reminder.jobId), 'queue deadlines')) return;
  if (chained) await withinQueueTimeout(queue.remove(chained.jobId), 'queue deadlines');
  await addDeadlineJob(kit, reminder, now);
}

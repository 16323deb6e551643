import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadlineJobs, scheduleSignoffReminder, signoffReminderJob, addDeadlineJob } from '../../workers/deadline-schedule.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { redisForTests } from '../support/redis.ts';

const redisUrl = await redisForTests();
const backends = [
  { name: 'postgres', queue: { backend: 'postgres' as const } },
  ...(redisUrl ? [{ name: 'redis', queue: { backend: 'redis' as const, redisUrl } }] : []),
];

const SETTINGS = { staleReminderDays: 2, signoffReminderWorkdays: 1 };
// Waiting since Monday morning: reminded Tuesday morning, due Friday night, stale the week after.
const ENTERED = Date.parse('2024-05-20T10:00:00+08:00');
const DUE = Date.parse('2024-05-24T23:59:59.999+08:00');
const STALE = Date.parse('2024-06-01T23:59:59.999+08:00');

/** How the relay and the reconciler hand a sign-off request to the schedule (no workers run here: jobs stay where they are put). */
describe.each(backends)('the approver’s reminder joining an item’s deadlines ($name backend)', ({ queue }) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ queue });
  });
  afterAll(async () => {
    await t?.close();
  });

  const request = (itemId: string, state = 'awaiting_signoff', enteredAt = ENTERED) => ({
    item_id: itemId, at: new Date(ENTERED), state, state_entered_at: new Date(enteredAt), due_at: new Date(DUE), stale_at: new Date(STALE),
  });
  const jobIdsOf = async (itemId: string) =>
    (await t.queues!.queue('deadlines').getJobs(['delayed', 'waiting', 'completed'])).filter((job) => job.data.itemId === itemId).map((job) => job.id).sort();
  const schedule = (row: ReturnType<typeof request>) => scheduleSignoffReminder(t.queues!, row, SETTINGS, t.services.calendar, ENTERED);

  it('takes the place of a later pending job, once, and never removes the job the reminder put back', async () => {
    const id = randomUUID();
    const [late] = deadlineJobs(id, DUE, STALE, SETTINGS.staleReminderDays);
    const reminder = signoffReminderJob(id, ENTERED, SETTINGS.signoffReminderWorkdays, t.services.calendar);
    await addDeadlineJob(t.queues!, late, ENTERED);

    await schedule(request(id));
    expect(await jobIdsOf(id)).toEqual([reminder.jobId]);
    // The reminder ran and scheduled the item's next deadline again; the same request handed over a second time changes nothing.
    await addDeadlineJob(t.queues!, late, ENTERED);
    await schedule(request(id));
    expect(await jobIdsOf(id)).toEqual([late.jobId, reminder.jobId].sort());
  });

  it('does nothing for a request the item has left since', async () => {
    const id = randomUUID();
    const [late] = deadlineJobs(id, DUE, STALE, SETTINGS.staleReminderDays);
    await addDeadlineJob(t.queues!, late, ENTERED);
    await schedule(request(id, 'submitted')); // signed off before the relay came to the request
    await schedule(request(id, 'awaiting_signoff', ENTERED + 3_600_000)); // returned and asked again: a later request of its own
    expect(await jobIdsOf(id)).toEqual([late.jobId]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReadyDraft, createUser, eventually, startTestApp, type Caller, type TestApp } from '../support/app.ts';
import { completedJob, delayedJobWhere } from '../support/jobs.ts';
import { redisForTests } from '../support/redis.ts';

const redisUrl = await redisForTests();
const backends = [
  { name: 'postgres', queue: { backend: 'postgres' as const } },
  ...(redisUrl ? [{ name: 'redis', queue: { backend: 'redis' as const, redisUrl } }] : []),
];

const UNIT = '150600';
// Tuesday afternoon before Labour Day: 2024-05-01..05 are holidays, so one working day later is
// Monday 2024-05-06 at the same time of day (Asia/Shanghai).
const REQUESTED_AT = '2024-04-30T16:00:00+08:00';
const REMIND_AT = '2024-05-06T16:00:00+08:00';
const title = '鄂尔多斯市计生协开展节前慰问活动';

/**
 * The approver's reminder is the delayed job's doing, not the sweeper's: the sweeper runs once at
 * start-up, before any item exists, and not again within the hour, so it cannot hide a job that
 * was never scheduled.
 */
describe.each(backends)('the sign-off reminder job ($name backend)', ({ queue }) => {
  let t: TestApp;
  let editor: Caller;
  let approver: Caller;

  beforeAll(async () => {
    t = await startTestApp({ queue, workers: true, now: REQUESTED_AT, env: { SWEEP_INTERVAL_MS: '3600000' } });
    editor = await createUser(t.app, 'editor', UNIT, '张三');
    approver = await createUser(t.app, 'approver', UNIT, '王主任');
  });
  afterAll(async () => {
    await t?.close();
  });

  const pendingJobsOf = async (id: string) => (await t.queues!.queue('deadlines').getJobs(['delayed', 'waiting'])).filter((j) => j.data.itemId === id);
  const notices = async (caller: Caller, id: string, kind: string) =>
    (await caller.get('/v1/notifications')).json().items.filter((n: { itemId: string; kind: string }) => n.itemId === id && n.kind === kind);

  it('is scheduled one working day after the item starts waiting, and reminds the unit’s approvers when it runs', async () => {
    t.clock.set(REQUESTED_AT);
    const { id } = await createReadyDraft(editor, { title, body: '活动内容。（鄂尔多斯市计生协 张三 供稿）', eventDate: '2024-04-29' });
    expect((await editor.post(`/v1/submissions/${id}/actions`, { action: 'request_signoff' })).statusCode).toBe(200);

    const job = await delayedJobWhere(t.queues!, 'deadlines', (data) => data.itemId === id && data.reminder === 'signoff_waiting');
    expect(job.name).toBe('remind');
    expect(job.data).toEqual({ itemId: id, event: 'remind', reminder: 'signoff_waiting', at: Date.parse(REMIND_AT) });
    expect(job.delay).toBe(Date.parse(REMIND_AT) - Date.parse(REQUESTED_AT));
    // The reminder comes before the item's due date: it took the place of the mark_late job, so the item keeps one pending job.
    await eventually(async () => (await pendingJobsOf(id)).length === 1, 10_000, 'the mark_late job to make way');
    expect((await pendingJobsOf(id)).map((j) => j.id)).toEqual([job.id]);

    // The approver heard of the request, and nothing else yet.
    await eventually(async () => (await notices(approver, id, 'signoff_requested')).length === 1, 20_000, 'sign-off request notice');
    expect(await notices(approver, id, 'signoff_waiting')).toEqual([]);

    t.clock.set(REMIND_AT);
    await job.promote();
    const done = (await completedJob(t.queues!, 'deadlines', job.id!)).returnvalue;
    expect(done).toMatchObject({ applied: true, next: expect.stringMatching(new RegExp(`^late-${id}-`)) });
    // It scheduled the item's next deadline, which stays the item's one pending job.
    expect((await pendingJobsOf(id)).map((j) => j.id)).toEqual([done.next]);
    const [reminder] = await eventually(async () => {
      const found = await notices(approver, id, 'signoff_waiting');
      return found.length ? found : null;
    }, 20_000, 'the approver’s reminder');
    expect(reminder.message).toBe(`《${title}》等待审签已超过时限，请尽快处理。`);
    expect(await notices(editor, id, 'signoff_waiting')).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeadlineFixture } from '../../bench/deadline-fixture.ts';
import { createReadyDraft, createUser, eventually, startTestApp, type TestApp } from '../support/app.ts';
import { delayedJobWhere } from '../support/jobs.ts';
import { redisForTests } from '../support/redis.ts';

const redisUrl = await redisForTests();
const backends = [
  { name: 'postgres', queue: { backend: 'postgres' as const } },
  ...(redisUrl ? [{ name: 'redis', queue: { backend: 'redis' as const, redisUrl } }] : []),
];

const UNIT = '150600';
const NOW = '2024-05-20T10:00:00+08:00';
const HOUR = 3_600_000;

/**
 * The timer benchmarks' fixture writes items and schedules their deadline jobs in bulk: it must
 * leave what the command path and the outbox relay leave, or the benchmark measures something else.
 */
describe.each(backends)('the deadline benchmark fixture ($name backend)', ({ queue }) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ queue, workers: true, now: NOW, env: { SWEEP_INTERVAL_MS: '3600000' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('leaves items and jobs as the command path does, and the workers apply each deadline once', async () => {
    const editor = await createUser(t.app, 'editor', UNIT, '张三');
    // Due at the end of today, before the approver's reminder tomorrow, as the fixture's items are.
    const { id: real } = await createReadyDraft(editor, { title: '鄂尔多斯市计生协开展节前慰问活动', body: '活动内容。（鄂尔多斯市计生协 张三 供稿）', eventDate: '2024-05-13' });
    expect((await editor.post(`/v1/submissions/${real}/actions`, { action: 'request_signoff' })).statusCode).toBe(200);
    const realJob = await delayedJobWhere(t.queues!, 'deadlines', (data) => data.itemId === real && data.event === 'mark_late');
    const realJobs = await eventually(async () => {
      const jobs = (await t.queues!.queue('deadlines').getJobs(['delayed'])).filter((job) => job.data.itemId === real);
      return jobs.length === 1 ? jobs : null;
    });

    const fixture = await createDeadlineFixture(
      t.services.pool,
      t.queues!,
      { items: 3, firstDueAt: t.clock.now + HOUR, spacingMs: 1_000, tag: 'fixture-test' },
      { staleReminderDays: t.config.STALE_REMINDER_DAYS, signoffReminderWorkdays: t.config.SIGNOFF_REMINDER_WORKDAYS, calendar: t.services.calendar, clock: t.clock.read },
    );
    expect(fixture.jobs).toBe(3);
    const ids = fixture.items.map((item) => item.id);
    expect(fixture.items.map((item) => item.dueAt - fixture.items[0].dueAt)).toEqual([0, 1_000, 2_000]);

    // The same columns and snapshot shape as the real item's.
    const rows = (await t.services.pool.query(`SELECT * FROM items WHERE id = ANY($1) ORDER BY due_at`, [[real, ...ids]])).rows;
    const [realRow, ...fixtureRows] = [rows.find((r) => r.id === real), ...rows.filter((r) => r.id !== real)];
    for (const row of fixtureRows) {
      expect(row.state).toBe(realRow.state);
      expect(Object.keys(row.snapshot.context).sort()).toEqual(Object.keys(realRow.snapshot.context).sort());
      expect(row.snapshot.value).toBe(realRow.snapshot.value);
      expect(row.snapshot.context.dueAt).toBe(row.due_at.getTime());
    }
    // The real item also has its photo's step; the fixture's items have no photo.
    const actions = (await t.services.pool.query(`SELECT item_id, array_agg(action ORDER BY seq) AS a FROM item_history WHERE item_id = ANY($1) GROUP BY 1`, [[real, ...ids]])).rows;
    for (const row of actions) expect(row.a.filter((a: string) => a !== 'image_added')).toEqual(['create', 'request_signoff']);

    // The same jobs per item (names, payload shape, options), with the item's deadline in the due time.
    const fixtureJobs = (await t.queues!.queue('deadlines').getJobs(['delayed'])).filter((job) => job.data.itemId === ids[0]);
    const shape = (jobs: typeof realJobs) =>
      jobs.map((job) => `${job.name}:${job.data.reminder ?? ''}:${job.id!.replace(job.data.itemId, 'ID').replace(/\d{13}/, 'T')}:${Object.keys(job.data).sort()}`).sort();
    expect(shape(fixtureJobs)).toEqual(shape(realJobs));
    const late = fixtureJobs.find((job) => job.name === 'mark_late')!;
    expect(late.opts.attempts).toBe(realJob.opts.attempts);
    expect(late.opts.backoff).toEqual(realJob.opts.backoff);
    expect(late.delay).toBe(fixture.items[0].dueAt + 1 - t.clock.now);

    // Past the deadlines: the late jobs run, each applies its item's mark_late exactly once.
    t.clock.now = fixture.items[2].dueAt + 10;
    for (const id of ids) await (await t.queues!.queue('deadlines').getJob(`late-${id}-${fixture.items[ids.indexOf(id)].dueAt}`))!.promote();
    await eventually(async () => {
      const { rows } = await t.services.pool.query(`SELECT count(*)::int AS n FROM items WHERE id = ANY($1) AND late`, [ids]);
      return rows[0].n === 3;
    });
    const marks = await t.services.pool.query(`SELECT item_id, count(*)::int AS n FROM item_history WHERE item_id = ANY($1) AND action = 'mark_late' GROUP BY 1`, [ids]);
    expect(marks.rows.map((r) => r.n)).toEqual([1, 1, 1]);
    // Finished jobs are kept (the workers' retention), so that the same deadline scheduled again is one job.
    const done = await eventually(() => t.queues!.queue('deadlines').getJob(`late-${ids[0]}-${fixture.items[0].dueAt}`));
    expect(await eventually(async () => ((await done.getState()) === 'completed' ? 'completed' : null))).toBe('completed');
    expect((await t.queues!.queue('deadlines').add('mark_late', late.data, { jobId: late.id })).id).toBe(late.id);
    expect(await done.getState()).toBe('completed');
  });
});

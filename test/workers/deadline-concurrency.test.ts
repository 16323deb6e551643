import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReadyDraft, createUser, eventually, startTestApp, type Caller, type TestApp } from '../support/app.ts';
import { redisForTests } from '../support/redis.ts';

const redisUrl = await redisForTests();
const backends = [
  { name: 'postgres', queue: { backend: 'postgres' as const } },
  ...(redisUrl ? [{ name: 'redis', queue: { backend: 'redis' as const, redisUrl } }] : []),
];

const UNIT = '150600';
// Event on Saturday 2024-05-18: due at the end of Friday 2024-05-24, stale at the end of 2024-06-01 (Shanghai).
const DUE_AT = Date.parse('2024-05-24T23:59:59.999+08:00');
const STALE_AT = Date.parse('2024-06-01T23:59:59.999+08:00');
const DAY_MS = 24 * 3600 * 1000;
const ITEMS = 12;

/**
 * The deadlines worker runs several jobs at once (DEADLINE_CONCURRENCY). Its jobs are commands on
 * versioned items, so jobs running side by side, even two for the same item, apply each deadline
 * once; and each item's chain goes on with exactly one next job.
 */
describe.each(backends)('deadline jobs run side by side ($name backend)', ({ queue }) => {
  let t: TestApp;
  let editor: Caller;

  beforeAll(async () => {
    t = await startTestApp({ queue, workers: true, env: { DEADLINE_CONCURRENCY: '6', SWEEP_INTERVAL_MS: '3600000' } });
    editor = await createUser(t.app, 'editor', UNIT, '张三');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('applies each deadline once when many fall due together, some of them twice queued', async () => {
    const deadlines = t.runtime!.workers.find((worker) => worker.name === 'deadlines')!;
    expect(deadlines.opts.concurrency).toBe(6);

    const ids: string[] = [];
    for (let i = 0; i < ITEMS; i += 1) {
      const { id } = await createReadyDraft(editor, { title: `鄂尔多斯市计生协开展优生优育进家庭活动（${i}）`, body: '活动内容。（鄂尔多斯市计生协 张三 供稿）', eventDate: '2024-05-18' });
      ids.push(id);
    }
    const queued = await Promise.all(ids.map((id) => eventually(() => t.queues!.queue('deadlines').getJob(`late-${id}-${DUE_AT}`), 10_000, 'late job')));
    // Half the items get a second job for the same deadline (a job delivered twice): both run at once with the first.
    const doubles = await Promise.all(
      queued.slice(0, ITEMS / 2).map((job) => t.queues!.queue('deadlines').add(job.name, job.data, { jobId: `again-${job.id}`, delay: DAY_MS })),
    );

    t.clock.now = DUE_AT + 1;
    await Promise.all([...queued, ...doubles].map((job) => job.promote().catch(() => undefined)));
    await eventually(async () => {
      const { rows } = await t.services.pool.query(`SELECT count(*)::int AS n FROM items WHERE id = ANY($1) AND late`, [ids]);
      return rows[0].n === ITEMS;
    }, 20_000, 'every item late');
    await eventually(async () => {
      const counts = await t.queues!.queue('deadlines').getJobCounts('waiting', 'active');
      return counts.waiting + counts.active === 0;
    }, 10_000, 'jobs done');

    const marks = await t.services.pool.query(`SELECT count(*)::int AS n FROM item_history WHERE item_id = ANY($1) AND action = 'mark_late' GROUP BY item_id`, [ids]);
    expect(marks.rows.map((r) => r.n)).toEqual(new Array(ITEMS).fill(1));
    expect((await t.queues!.queue('deadlines').getJobCounts('failed')).failed).toBe(0);
    // Every item goes on with one pending job, its stale-soon reminder.
    const pending = (await t.queues!.queue('deadlines').getJobs(['delayed'])).filter((job) => ids.includes(job.data.itemId));
    expect(pending.map((job) => job.id).sort()).toEqual(ids.map((id) => `stale-soon-${id}-${STALE_AT}`).sort());
    for (const job of pending) expect(job.delay).toBe(STALE_AT + 1 - 2 * DAY_MS - (DUE_AT + 1));
  });
});

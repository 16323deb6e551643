import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SweepResult } from '../../workers/sweeper.ts';
import { BOOTSTRAP_TOKEN, callerFor, createReadyDraft, createUser, eventually, startTestApp, type Caller, type TestApp } from '../support/app.ts';
import { breakableQueues, redisQueue, type BreakableQueue } from '../support/queue-loss.ts';
import { redisServerInstalled } from '../support/redis.ts';
import { FIVE_GATES } from '../support/gates.ts';

const UNIT = '150600';
const draft = { title: '鄂尔多斯市计生协开展优生优育进家庭活动', body: '内容。（鄂尔多斯市计生协 张三 供稿）', eventDate: '2024-05-18' };
// Sweeps run only when a test calls them (and once at start-up), so "two sweeps" means two.
const SWEEP_BY_HAND = { SWEEP_INTERVAL_MS: '3600000' };
/** What the history implies for the ledger: the first sign-off scores 'submitted', an adoption 'adopted'. */
const SCORING_ACTIONS: Record<string, string> = { sign_off: 'submitted', adopt: 'adopted' };

interface People {
  editor: Caller;
  approver: Caller;
  reviewer: Caller;
}

async function people(t: TestApp): Promise<People> {
  return {
    editor: await createUser(t.app, 'editor', UNIT),
    approver: await createUser(t.app, 'approver', UNIT),
    reviewer: await createUser(t.app, 'reviewer'),
  };
}

async function act(caller: Caller, id: string, action: string, extra: object = {}) {
  const response = await caller.post(`/v1/submissions/${id}/actions`, { action, ...extra });
  expect(response.statusCode, response.body).toBe(200);
}

/** Draft, sign-off requested, signed off, adopted: two ledger entries and two notices with recipients. */
async function adoptedItem({ editor, approver, reviewer }: People): Promise<string> {
  const { id } = await createReadyDraft(editor, draft);
  await act(editor, id, 'request_signoff');
  await act(approver, id, 'sign_off', { signer: '王主任', gates: FIVE_GATES });
  await act(reviewer, id, 'adopt');
  return id;
}

async function ledger(t: TestApp, ids: string[]) {
  const rows = await t.services.db
    .selectFrom('score_entries')
    .select(['item_id', 'history_seq', 'kind'])
    .where('item_id', 'in', ids)
    .orderBy('item_id')
    .orderBy('history_seq')
    .execute();
  return rows.map((r) => `${r.item_id}#${r.history_seq} ${r.kind}`);
}

/** The ledger entries the items' history implies, in the same form as `ledger`. */
async function ledgerImpliedByHistory(t: TestApp, ids: string[]) {
  const history = await t.services.db
    .selectFrom('item_history')
    .select(['item_id', 'seq', 'action'])
    .where('item_id', 'in', ids)
    .where('action', 'in', Object.keys(SCORING_ACTIONS))
    .orderBy('item_id')
    .orderBy('seq')
    .execute();
  return history.map((h) => `${h.item_id}#${h.seq} ${SCORING_ACTIONS[h.action]}`);
}

async function notifications(t: TestApp, ids: string[]) {
  const rows = await t.services.db
    .selectFrom('notifications')
    .select(['item_id', 'kind', 'user_id'])
    .where('item_id', 'in', ids)
    .execute();
  return rows.map((r) => `${r.item_id} ${r.kind} ${r.user_id}`).sort();
}

/** Per item: the approver is asked to sign off; editor and approver hear of the adoption. */
function notificationsPromised(ids: string[], { editor, approver }: People) {
  return ids
    .flatMap((id) => [`${id} signoff_requested ${approver.id}`, `${id} adopted ${editor.id}`, `${id} adopted ${approver.id}`])
    .sort();
}

const undone = (t: TestApp) =>
  t.services.db.selectFrom('outbox').select(['id', 'topic', 'dispatched_at']).where('done_at', 'is', null).orderBy('id').execute();

const outboxRow = (t: TestApp, itemId: string, topic: string, kind?: string) =>
  t.services.db
    .selectFrom('outbox')
    .selectAll()
    .where('item_id', '=', itemId)
    .where('topic', '=', topic)
    .$if(kind !== undefined, (q) => q.where(sql<string>`payload ->> 'kind'`, '=', kind!))
    .executeTakeFirstOrThrow();

const sweep = (t: TestApp) => t.runtime!.sweeper.sweep();
const total = (results: SweepResult[], key: 'scores' | 'notifications' | 'unfinished') =>
  results.reduce((sum, r) => sum + (r.reconciled?.[key] ?? 0), 0);

describe.each(breakableQueues())('every queued job lost ($name backend)', ({ make }) => {
  let queue: BreakableQueue;
  let t: TestApp;
  let who: People;

  beforeAll(async () => {
    queue = make();
    // The score worker holds each job open after its write, so the jobs behind it wait in the queue.
    t = await startTestApp({ queue: await queue.start(), workers: true, env: { ...SWEEP_BY_HAND, FAULT_SCORE_PAUSE_MS: '600000' } });
    who = await people(t);
  });
  afterAll(async () => {
    await t?.close();
    await queue?.stop();
  });

  it('applies every ledger entry and notification exactly once within two sweeps', async () => {
    await t.queues!.queue('notifications').pause(); // their jobs wait in the queue too
    const ids = [await adoptedItem(who), await adoptedItem(who), await adoptedItem(who)];
    const expectedLedger = await ledgerImpliedByHistory(t, ids);
    expect(expectedLedger).toHaveLength(6);
    await eventually(async () => (await undone(t)).every((r) => r.dispatched_at !== null), 30_000, 'every row queued');
    await eventually(async () => (await ledger(t, ids)).length === 1, 30_000, 'the paused job’s write');

    await queue.loseAllJobs(t);
    await t.queues!.queue('notifications').resume();
    expect(await ledger(t, ids)).toHaveLength(1);
    expect(await notifications(t, ids)).toEqual([]);

    const sweeps = [await sweep(t), await sweep(t)];
    expect(await ledger(t, ids)).toEqual(expectedLedger);
    expect(await notifications(t, ids)).toEqual(notificationsPromised(ids, who));
    expect(await undone(t)).toEqual([]);
    expect(total(sweeps, 'scores')).toBe(5);
    expect(total(sweeps, 'notifications')).toBe(9);

    // Nothing more on later sweeps.
    const later = await sweep(t);
    expect(later.reconciled).toEqual({ scores: 0, notifications: 0, unfinished: 0 });
    expect(await ledger(t, ids)).toEqual(expectedLedger);
    expect(await notifications(t, ids)).toHaveLength(9);
  });

  it('schedules the approver’s reminder with a sign-off request it finishes, as the relay would have', async () => {
    await t.queues!.queue('notifications').pause();
    const { id } = await createReadyDraft(who.editor, draft);
    await act(who.editor, id, 'request_signoff');
    await eventually(async () => (await undone(t)).every((r) => r.dispatched_at !== null), 30_000, 'every row queued');
    const reminderOf = async () => (await t.queues!.queue('deadlines').getJobs(['delayed'])).filter((job) => job.data.itemId === id);
    expect((await reminderOf()).map((job) => job.data.reminder)).toEqual(['signoff_waiting']);

    await queue.loseAllJobs(t);
    expect(await reminderOf()).toEqual([]);
    await sweep(t);
    await sweep(t);
    await t.queues!.queue('notifications').resume();
    expect(await notifications(t, [id])).toEqual([`${id} signoff_requested ${who.approver.id}`]);
    const [reminder] = await reminderOf();
    expect(reminder.data).toMatchObject({ event: 'remind', reminder: 'signoff_waiting' });
    expect(reminder.id).toMatch(new RegExp(`^signoff-${id}-`));
  });
});

describe.each(breakableQueues())('a score job failed for good ($name backend)', ({ make }) => {
  let queue: BreakableQueue;
  let t: TestApp;
  let who: People;

  beforeAll(async () => {
    queue = make();
    t = await startTestApp({ queue: await queue.start(), workers: true, env: SWEEP_BY_HAND });
    who = await people(t);
  });
  afterAll(async () => {
    await t?.close();
    await queue?.stop();
  });

  it('gets its entry within a sweep of the cause being fixed, exactly once, and keeps its row until then', async () => {
    // No scoring rules at all: recording the entry throws until an admin sets them.
    await t.services.db.deleteFrom('scoring_rules').execute();
    const { id } = await createReadyDraft(who.editor, draft);
    await act(who.editor, id, 'request_signoff');
    await act(who.approver, id, 'sign_off', { signer: '王主任', gates: FIVE_GATES });
    const row = await outboxRow(t, id, 'score');
    const job = await eventually(async () => {
      const found = await t.queues!.queue('scores').getJob(`outbox-${row.id}`);
      return found && (await found.getState()) === 'failed' ? found : null;
    }, 30_000, 'the score job to fail for good');
    expect(job.attemptsMade).toBe(t.config.JOB_ATTEMPTS);

    const failing = [await sweep(t), await sweep(t)];
    expect(total(failing, 'unfinished')).toBeGreaterThan(0);
    expect(await ledger(t, [id])).toEqual([]);

    // A week on, housekeeping forgets the rows that are done and keeps the one that is not.
    const deadlines = await outboxRow(t, id, 'deadlines');
    expect(deadlines.done_at).not.toBeNull();
    t.clock.now = Date.now() + 8 * 24 * 3600 * 1000;
    await sweep(t);
    const left = await t.services.db.selectFrom('outbox').select('id').where('id', 'in', [row.id, deadlines.id]).execute();
    expect(left).toEqual([{ id: row.id }]);

    const admin = callerFor(t.app, BOOTSTRAP_TOKEN);
    expect((await admin.put('/v1/scoring-rules/2024', { submitted: 3, adopted: 6, nationalAdopted: 10 })).statusCode).toBe(200);
    const fixed = await sweep(t);
    expect(fixed.reconciled?.scores).toBe(1);
    const entries = await t.services.db.selectFrom('score_entries').select(['kind', 'points']).where('item_id', '=', id).execute();
    expect(entries).toEqual([{ kind: 'submitted', points: 3 }]);
    expect((await undone(t)).map((r) => r.id)).not.toContain(row.id);
    await sweep(t);
    expect(await ledger(t, [id])).toHaveLength(1);
  });
});

// The Postgres backend's queue is the database itself: it cannot be down while commands succeed.
describe.runIf(redisServerInstalled() || Boolean(process.env.CI))('the relay with Redis down (a private redis-server)', () => {
  const queue = redisQueue();
  let t: TestApp;
  let who: People;

  beforeAll(async () => {
    t = await startTestApp({ queue: await queue.start(), workers: true, env: SWEEP_BY_HAND });
    who = await people(t);
  });
  afterAll(async () => {
    await t?.close();
    await queue.stop();
  });

  it('applies scores and notifications through the reconciler, and queues the rest once Redis is back', async () => {
    const [hook] = await t.services.db
      .insertInto('webhooks')
      .values({ unit_code: UNIT, user_id: null, url: 'http://127.0.0.1:9/hook', secret: 's3cret', created_by: who.editor.id, disabled_at: null })
      .returning('id')
      .execute();
    await queue.redis.stop();
    const id = await adoptedItem(who);

    const sweeps = [await sweep(t), await sweep(t)];
    expect(await ledger(t, [id])).toEqual(await ledgerImpliedByHistory(t, [id]));
    expect(await ledger(t, [id])).toHaveLength(2);
    expect(await notifications(t, [id])).toEqual(notificationsPromised([id], who));
    // The notices with a webhook to tell stay undone until their deliveries are queued; nothing was.
    const waiting = await undone(t);
    expect(waiting.map((r) => r.topic).sort()).toEqual(['deadlines', 'notify', 'notify']);
    expect(waiting.every((r) => r.dispatched_at === null)).toBe(true);
    expect(total(sweeps, 'scores')).toBe(2);
    expect(total(sweeps, 'unfinished')).toBeGreaterThan(0);

    await queue.redis.start();
    await eventually(async () => (await undone(t)).length === 0, 30_000, 'every row done once Redis is back');
    for (const kind of ['signoff_requested', 'adopted']) {
      const notify = await outboxRow(t, id, 'notify', kind);
      expect(await t.queues!.queue('webhooks').getJob(`outbox-${notify.id}-${hook.id}`)).toBeTruthy();
    }
    // The rows the reconciler finished were not queued again.
    const score = await outboxRow(t, id, 'score', 'submitted');
    expect(await t.queues!.queue('scores').getJob(`outbox-${score.id}`)).toBeFalsy();
    expect(await ledger(t, [id])).toHaveLength(2);
    expect(await notifications(t, [id])).toEqual(notificationsPromised([id], who));
  });
});

import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signBody, SIGNATURE_HEADER } from '../../workers/webhook.worker.ts';
import { BOOTSTRAP_TOKEN, callerFor, createReadyDraft, createUser, eventually, startTestApp, type Caller, type TestApp } from '../support/app.ts';
import { completedJob, promote, queuedJob, settled } from '../support/jobs.ts';
import { redisForTests } from '../support/redis.ts';
import { FIVE_GATES } from '../support/gates.ts';

const redisUrl = await redisForTests();
const backends = [
  { name: 'postgres', queue: { backend: 'postgres' as const } },
  ...(redisUrl ? [{ name: 'redis', queue: { backend: 'redis' as const, redisUrl } }] : []),
];
if (!redisUrl) console.warn('Redis not reachable: the Redis backend suite is skipped on this machine');

// Event on Saturday 2024-05-18: due at the end of Friday 2024-05-24, stale at the end of 2024-06-01 (Shanghai).
const EVENT_DATE = '2024-05-18';
const DUE_AT = Date.parse('2024-05-24T23:59:59.999+08:00');
const STALE_AT = Date.parse('2024-06-01T23:59:59.999+08:00');
const UNIT = '150600';
const DAY_MS = 24 * 3600 * 1000;
const START = '2024-05-20T10:00:00+08:00';

const draft = {
  title: '鄂尔多斯市计生协开展优生优育进家庭活动',
  body: '活动内容。（鄂尔多斯市计生协 张三 供稿）',
  eventDate: EVENT_DATE,
};

describe.each(backends)('deadlines, scores and notifications on BullMQ ($name backend)', ({ queue }) => {
  let t: TestApp;
  let editor: Caller;
  let approver: Caller;
  let reviewer: Caller;
  let admin: Caller;

  beforeAll(async () => {
    // The sweeper stays out of the way here, so that what happens is the delayed jobs' doing.
    t = await startTestApp({ queue, workers: true, now: START, env: { SWEEP_INTERVAL_MS: '3600000', WEBHOOK_ALLOW_HOSTS: '127.0.0.1' } });
    editor = await createUser(t.app, 'editor', UNIT, '张三');
    approver = await createUser(t.app, 'approver', UNIT, '王主任');
    reviewer = await createUser(t.app, 'reviewer');
    admin = callerFor(t.app, BOOTSTRAP_TOKEN);
  });
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(() => {
    t.clock.set(START);
  });

  const item = (id: string) => t.services.db.selectFrom('items').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const act = (caller: Caller, id: string, body: object) => caller.post(`/v1/submissions/${id}/actions`, body);
  const submit = async (id: string) => {
    expect((await act(editor, id, { action: 'request_signoff' })).statusCode).toBe(200);
    expect((await act(approver, id, { action: 'sign_off', signer: '王主任', gates: FIVE_GATES })).statusCode).toBe(200);
  };
  const create = async () => (await createReadyDraft(editor, draft)).id;
  const ledgerOf = (id: string) => t.services.db.selectFrom('score_entries').selectAll().where('item_id', '=', id).orderBy('history_seq').execute();
  const pendingJobsOf = async (id: string) => (await t.queues!.queue('deadlines').getJobs(['delayed', 'waiting', 'active'])).filter((j) => j.data.itemId === id);
  const pendingOutboxRows = async () =>
    Number((await t.services.pool.query(`SELECT count(*)::int AS n FROM outbox WHERE dispatched_at IS NULL`)).rows[0].n);

  it('flags an item left in draft past its due date as late, through a delayed job, and tells its unit', async () => {
    const id = await create();
    const jobId = `late-${id}-${DUE_AT}`;
    const scheduled = await queuedJob(t.queues!, 'deadlines', jobId);
    expect(await scheduled.getState()).toBe('delayed');
    expect(scheduled.delay).toBe(DUE_AT + 1 - t.clock.now);

    t.clock.now = DUE_AT + 1;
    await promote(t.queues!, 'deadlines', jobId);
    expect((await completedJob(t.queues!, 'deadlines', jobId)).returnvalue).toEqual({ applied: true, next: `stale-soon-${id}-${STALE_AT}` });
    expect(await item(id)).toMatchObject({ late: true, state: 'draft' });
    // The item's next deadline is its one pending job.
    expect((await queuedJob(t.queues!, 'deadlines', `stale-soon-${id}-${STALE_AT}`)).delay).toBe(STALE_AT + 1 - 2 * DAY_MS - t.clock.now);
    expect(await pendingJobsOf(id)).toHaveLength(1);

    const history = (await editor.get(`/v1/submissions/${id}/history`)).json();
    expect(history.at(-1)).toMatchObject({ action: 'mark_late', from: 'draft', to: 'draft', actor: { role: 'system' } });
    for (const caller of [editor, approver]) {
      const notes = await eventually(async () => {
        const list = (await caller.get('/v1/notifications?unread=true')).json().items;
        return list.find((n: { itemId: string; kind: string }) => n.itemId === id && n.kind === 'late');
      }, 30_000, 'late notification');
      expect(notes.message).toContain('已超过报送时限（2024-05-24）');
    }
    // The reviewer's list holds no such notice.
    const reviewerNotes = (await reviewer.get('/v1/notifications')).json().items;
    expect(reviewerNotes.some((n: { itemId: string }) => n.itemId === id)).toBe(false);
  });

  it('expires an item left unreviewed past its stale date, and leaves an item that moved on untouched', async () => {
    const waiting = await create();
    await submit(waiting);
    const movedOn = await create();
    await submit(movedOn);
    expect((await act(reviewer, movedOn, { action: 'adopt' })).statusCode).toBe(200);
    // Each item has one pending job (mark_late, or the approver's reminder if the relay saw the request while it still waited).
    const firstOf = async (id: string) => eventually(async () => {
      await settled(t.queues!, pendingOutboxRows, []);
      const jobs = await pendingJobsOf(id);
      return jobs.length === 1 ? jobs[0] : null;
    }, 10_000, 'one pending deadline job');
    const first = { waiting: await firstOf(waiting), movedOn: await firstOf(movedOn) };

    // Past every deadline: the first job runs, and each schedules the next at once, up to the expiry.
    t.clock.now = STALE_AT + 1;
    for (const job of Object.values(first)) await job.promote();
    const expiry = (id: string) => `expire-${id}-${STALE_AT}`;
    expect((await completedJob(t.queues!, 'deadlines', expiry(waiting))).returnvalue).toEqual({ applied: true, next: null });
    expect((await item(waiting)).state).toBe('expired');
    // The adopted item's chain ends with its first job: it has no deadlines left.
    expect((await completedJob(t.queues!, 'deadlines', first.movedOn.id!)).returnvalue).toEqual({ applied: false, next: null });
    expect(await t.queues!.queue('deadlines').getJob(expiry(movedOn))).toBeFalsy();
    expect((await item(movedOn)).state).toBe('adopted');
    const actions = (await reviewer.get(`/v1/submissions/${movedOn}/history`)).json().map((h: { action: string }) => h.action);
    expect(actions).not.toContain('expire');
    const notice = await eventually(async () => {
      const notes = (await editor.get('/v1/notifications')).json().items;
      return notes.find((n: { itemId: string; kind: string }) => n.itemId === waiting && n.kind === 'expired');
    }, 30_000, 'expiry notification');
    expect(notice.message).toContain('已过期');
  });

  it('records exactly one ledger entry per scoring event, with the year’s points', async () => {
    const id = await create();
    await submit(id);
    await act(reviewer, id, { action: 'return_for_revision', reason: '请补充数据' });
    await submit(id); // a resubmission earns nothing
    await act(reviewer, id, { action: 'adopt' });
    await act(reviewer, id, { action: 'forward_national' });
    t.clock.set('2024-07-01T00:30:00+08:00'); // national adoption lands in Q3 (Shanghai), 2024-06-30 UTC
    await act(reviewer, id, { action: 'record_national_adoption' });

    const entries = await eventually(async () => {
      const rows = await ledgerOf(id);
      return rows.length >= 3 ? rows : null;
    }, 30_000, 'three ledger entries');
    expect(entries.map((e) => [e.kind, e.points, e.occurred_on])).toEqual([
      ['submitted', 3, '2024-05-20'],
      ['adopted', 6, '2024-05-20'],
      ['national_adopted', 10, '2024-07-01'],
    ]);
    // The same score job again (a retry, a duplicate) adds nothing.
    const first = entries[0];
    await t.queues!.queue('scores').add('score', { itemId: id, seq: first.history_seq, kind: 'submitted', unitCode: UNIT }, { jobId: 'duplicate-score' });
    await eventually(async () => (await t.queues!.queue('scores').getJob('duplicate-score'))?.returnvalue, 30_000, 'duplicate job');
    const after = await t.services.db.selectFrom('score_entries').select('id').where('item_id', '=', id).execute();
    expect(after).toHaveLength(3);
  });

  it('lets admins read and set the year’s points', async () => {
    const rules = (await editor.get('/v1/scoring-rules/2024')).json();
    expect(rules).toEqual({ year: 2024, submitted: 3, adopted: 6, nationalAdopted: 10, inheritedFrom: null });
    expect((await editor.get('/v1/scoring-rules/2025')).json()).toMatchObject({ submitted: 3, inheritedFrom: 2024 });
    expect((await editor.put('/v1/scoring-rules/2025', { submitted: 4, adopted: 7, nationalAdopted: 12 })).statusCode).toBe(403);
    const put = await admin.put('/v1/scoring-rules/2025', { submitted: 4, adopted: 7, nationalAdopted: 12 });
    expect(put.statusCode).toBe(200);
    expect((await editor.get('/v1/scoring-rules/2025')).json()).toMatchObject({ submitted: 4, nationalAdopted: 12, inheritedFrom: null });
    const bad = await admin.put('/v1/scoring-rules/2025', { submitted: -1, adopted: 7, nationalAdopted: 12 });
    expect(bad.statusCode).toBe(400);

    // New rules for a year re-price its ledger, and the report follows.
    const points = async () => {
      const { rows } = await t.services.pool.query(`SELECT kind, sum(points)::int AS points, sum(entries)::int AS n FROM score_daily WHERE day >= '2024-01-01' AND day <= '2024-12-31' GROUP BY 1 ORDER BY 1`);
      return rows as Array<{ kind: string; points: number; n: number }>;
    };
    // Entries of this test's own: a submission and an adoption, in 2024.
    const id = await create();
    await submit(id);
    expect((await act(reviewer, id, { action: 'adopt' })).statusCode).toBe(200);
    await eventually(async () => (await ledgerOf(id)).length === 2, 30_000, 'two ledger entries');
    await settled(t.queues!, pendingOutboxRows, ['scores']);
    const before = await points();
    expect(before.map((row) => row.kind)).toEqual(expect.arrayContaining(['adopted', 'submitted']));
    expect((await admin.put('/v1/scoring-rules/2024', { submitted: 4, adopted: 8, nationalAdopted: 20 })).statusCode).toBe(200);
    const repriced = await points();
    const per = { submitted: 4, adopted: 8, national_adopted: 20 } as Record<string, number>;
    expect(repriced).toEqual(before.map((row) => ({ ...row, points: row.n * per[row.kind] })));
    await admin.put('/v1/scoring-rules/2024', { submitted: 3, adopted: 6, nationalAdopted: 10 });
    expect(await points()).toEqual(before);
  });

  it('delivers notifications to signed webhooks, retrying failures, and shows jobs that failed for good', async () => {
    const received: Array<{ body: string; signature: string | undefined }> = [];
    let failuresLeft = 1;
    let alwaysFail = false;
    const server: Server = createServer((request: IncomingMessage, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        if (alwaysFail || failuresLeft > 0) {
          failuresLeft -= 1;
          response.writeHead(500).end();
          return;
        }
        received.push({ body, signature: request.headers[SIGNATURE_HEADER] as string | undefined });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`;
    try {
      const created = await admin.post('/v1/webhooks', { url, unitCode: UNIT });
      expect(created.statusCode).toBe(201);
      const { secret } = created.json();

      t.clock.set('2024-05-20T10:00:00+08:00');
      const id = await create();
      await submit(id);
      await act(reviewer, id, { action: 'reject', reason: '内容重复' });
      const delivery = await eventually(async () => received.find((r) => JSON.parse(r.body).kind === 'rejected'), 30_000, 'webhook');
      const signedAt = Number(/^t=(\d+),/.exec(delivery.signature ?? '')?.[1]);
      expect(delivery.signature).toBe(signBody(secret, delivery.body, signedAt));
      expect(JSON.parse(delivery.body)).toMatchObject({ itemId: id, unitCode: UNIT, message: expect.stringContaining('内容重复') });

      alwaysFail = true;
      const other = await create();
      await act(editor, other, { action: 'request_signoff' });
      await act(approver, other, { action: 'return', reason: '请修改标题' });
      const failed = await eventually(async () => {
        const list = (await admin.get('/v1/admin/failed-jobs')).json();
        return list.find(
          (j: { queue: string; data: { event: { kind: string; itemId: string } } }) =>
            j.queue === 'webhooks' && j.data.event.kind === 'returned' && j.data.event.itemId === other,
        );
      }, 20_000, 'failed webhook job');
      expect(failed.attemptsMade).toBe(3);
      alwaysFail = false;
      const retry = await admin.post(`/v1/admin/failed-jobs/webhooks/${encodeURIComponent(failed.id)}/retry`);
      expect(retry.statusCode).toBe(202);
      await eventually(async () => received.find((r) => JSON.parse(r.body).kind === 'returned' && JSON.parse(r.body).itemId === other), 30_000, 'retried webhook');
      expect((await editor.get('/v1/admin/failed-jobs')).statusCode).toBe(403);
    } finally {
      server.close();
    }
  });

  it('marks notifications read, only the caller’s own', async () => {
    // Two notices of this test's own for the editor: the item returned twice.
    const id = await create();
    for (let i = 0; i < 2; i += 1) {
      expect((await act(editor, id, { action: 'request_signoff' })).statusCode).toBe(200);
      expect((await act(approver, id, { action: 'return', reason: `请修改第${i + 1}处` })).statusCode).toBe(200);
    }
    const returned = async () =>
      (await editor.get('/v1/notifications?unread=true')).json().items.filter((n: { itemId: string; kind: string }) => n.itemId === id && n.kind === 'returned');
    const [first, second] = await eventually(async () => {
      const list = await returned();
      return list.length === 2 ? list : null;
    }, 30_000, 'two return notices');

    const read = await editor.post(`/v1/notifications/${first.id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    expect((await returned()).map((n: { id: number }) => n.id)).toEqual([second.id]);
    // Another user's notice is not found, and stays unread.
    const foreign = await reviewer.post(`/v1/notifications/${second.id}/read`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('not_found');
    expect((await returned()).map((n: { id: number }) => n.id)).toEqual([second.id]);
  });

  it('exports queue depth, job and HTTP metrics', async () => {
    // This test's own traffic: a command answered 200, a score job done, a job failed for good.
    const id = await create();
    await submit(id);
    await eventually(async () => (await ledgerOf(id)).length === 1, 30_000, 'ledger entry');
    const hopeless = { itemId: randomUUID(), seq: 1, kind: 'submitted', unitCode: UNIT }; // no such history: it throws
    await t.queues!.queue('scores').add('score', hopeless, { jobId: `hopeless-${hopeless.itemId}`, attempts: 1 });
    await eventually(async () => (await t.queues!.queue('scores').getJob(`hopeless-${hopeless.itemId}`))?.failedReason, 30_000, 'failed job');
    await settled(t.queues!, pendingOutboxRows, ['scores']);

    const metric = async () => {
      const response = await t.app.inject({ method: 'GET', url: '/metrics' });
      expect(response.statusCode).toBe(200);
      return response.body;
    };
    const body = await eventually(async () => {
      const text = await metric();
      // Every effect recorded (outbox_pending counts rows whose effect is not) and the failure counted.
      return /job_failures_total\{queue="scores",final="true"\} [1-9]/.test(text) && text.includes('outbox_pending 0') ? text : null;
    }, 20_000, 'the final failure counted and every effect recorded');
    expect(body).toMatch(/queue_jobs\{queue="deadlines",state="delayed"\} [1-9]/);
    expect(body).toMatch(/job_latency_seconds_count\{queue="scores"\} [1-9]/);
    expect(body).toMatch(/http_request_duration_seconds_count\{method="POST",route="\/v1\/submissions\/:id\/actions",status="200"\} [1-9]/);
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
  });
});

describe.each(backends)('the sweeper ($name backend)', ({ queue }) => {
  let s: TestApp;
  let editor: Caller;
  let approver: Caller;
  let reviewer: Caller;

  beforeAll(async () => {
    // The tests sweep by hand, one sweep at a time; the loop that repeats it runs in failures.test.ts.
    s = await startTestApp({ queue, workers: true, now: START, env: { SWEEP_INTERVAL_MS: '3600000' } });
    editor = await createUser(s.app, 'editor', UNIT);
    approver = await createUser(s.app, 'approver', UNIT);
    reviewer = await createUser(s.app, 'reviewer');
  });
  afterAll(async () => {
    await s?.close();
  });
  beforeEach(() => {
    s.clock.set(START);
  });

  const sweep = () => s.runtime!.sweeper.sweep();
  const itemIn = (id: string) => s.services.db.selectFrom('items').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const createIn = async (fields: Record<string, unknown> = {}) => (await createReadyDraft(editor, { ...draft, ...fields })).id;
  const submitIn = async (id: string) => {
    await editor.post(`/v1/submissions/${id}/actions`, { action: 'request_signoff' });
    expect((await approver.post(`/v1/submissions/${id}/actions`, { action: 'sign_off', signer: '王主任', gates: FIVE_GATES })).statusCode).toBe(200);
  };
  const pendingOutboxRows = async () =>
    Number((await s.services.pool.query(`SELECT count(*)::int AS n FROM outbox WHERE dispatched_at IS NULL`)).rows[0].n);
  /** Notifications the outbox promised for the item: written with the command, so countable at once. */
  const promised = async (id: string, kind: string) =>
    Number(
      (await s.services.pool.query(`SELECT count(*)::int AS n FROM outbox WHERE item_id = $1 AND topic = 'notify' AND payload->>'kind' = $2`, [id, kind]))
        .rows[0].n,
    );
  const noticesOf = async (caller: Caller, id: string, kind: string) =>
    (await caller.get('/v1/notifications')).json().items.filter((n: { itemId: string; kind: string }) => n.itemId === id && n.kind === kind);

  it('reminds the approver after one working day of waiting, once', async () => {
    s.clock.set('2024-05-17T16:00:00+08:00'); // a Friday
    const id = await createIn({ eventDate: '2024-05-16' });
    expect((await editor.post(`/v1/submissions/${id}/actions`, { action: 'request_signoff' })).statusCode).toBe(200);
    s.clock.set('2024-05-20T15:59:00+08:00'); // Monday, a minute short of one working day
    await sweep();
    expect(await promised(id, 'signoff_waiting')).toBe(0);
    s.clock.set('2024-05-20T16:00:01+08:00');
    await sweep();
    expect(await promised(id, 'signoff_waiting')).toBe(1);
    await sweep();
    expect(await promised(id, 'signoff_waiting')).toBe(1);

    await settled(s.queues!, pendingOutboxRows, ['notifications']);
    const notices = await noticesOf(approver, id, 'signoff_waiting');
    expect(notices).toHaveLength(1);
    expect(notices[0].message).toContain('等待审签');
  });

  it('reminds reviewers two days before an item in their queue goes stale, once', async () => {
    const id = await createIn();
    await submitIn(id);
    const staleAt = Date.parse('2024-06-01T23:59:59.999+08:00');
    s.clock.now = staleAt - 2 * 24 * 3600 * 1000 - 1_000;
    await sweep();
    expect(await promised(id, 'stale_soon')).toBe(0);
    s.clock.now = staleAt - 2 * 24 * 3600 * 1000 + 1_000;
    await sweep();
    await sweep();
    expect(await promised(id, 'stale_soon')).toBe(1);

    await settled(s.queues!, pendingOutboxRows, ['notifications']);
    const notices = await noticesOf(reviewer, id, 'stale_soon');
    expect(notices).toHaveLength(1);
    expect(notices[0].message).toContain('将于2024-06-01过期');
  });

  it('re-applies missed deadlines in one sweep when the queue lost its jobs', async () => {
    const ids = [await createIn(), await createIn(), await createIn()];
    await submitIn(ids[2]);
    await queuedJob(s.queues!, 'deadlines', `late-${ids[0]}-${DUE_AT}`);
    await s.queues!.queue('deadlines').obliterate({ force: true });
    expect(await s.queues!.queue('deadlines').getJob(`late-${ids[0]}-${DUE_AT}`)).toBeFalsy();

    s.clock.now = STALE_AT + 1;
    await sweep();
    const rows = await Promise.all(ids.map((id) => itemIn(id)));
    expect(rows.map((r) => r.state)).toEqual(['expired', 'expired', 'expired']);
    expect(rows.map((r) => r.late)).toEqual([true, true, false]);
  });

  it('forgets done outbox rows and idempotency answers after a week, and keeps rows whose effect is not recorded', async () => {
    const doneRows = async () =>
      (await s.services.pool.query<{ id: number }>(`SELECT id FROM outbox WHERE done_at IS NOT NULL`)).rows.map((r) => Number(r.id));
    const keys = async () => Number((await s.services.pool.query(`SELECT count(*)::int AS n FROM idempotency_keys`)).rows[0].n);
    await editor.post('/v1/submissions', draft, { 'idempotency-key': `housekeeping-${randomUUID()}` });
    await eventually(async () => (await pendingOutboxRows()) === 0, 30_000, 'relay');
    const before = await doneRows();
    expect(before.length).toBeGreaterThan(0);
    expect(await keys()).toBeGreaterThan(0);
    // A row whose effect never got recorded stays, however old: the reconciler still owes it.
    const { rows: [owed] } = await s.services.pool.query<{ id: number }>(
      `INSERT INTO outbox (item_id, topic, payload, created_at, dispatched_at) VALUES (NULL, 'mystery', '{}', now() - interval '30 days', now() - interval '30 days') RETURNING id`,
    );
    s.clock.now = Date.now() + 8 * 24 * 3600 * 1000;
    await sweep();
    const after = await doneRows();
    expect(after.filter((id) => before.includes(id))).toEqual([]);
    expect(await keys()).toBe(0);
    const kept = await s.services.pool.query(`SELECT id FROM outbox WHERE id = $1`, [owed.id]);
    expect(kept.rowCount).toBe(1);
    await s.services.pool.query(`DELETE FROM outbox WHERE id = $1`, [owed.id]);
  });
});

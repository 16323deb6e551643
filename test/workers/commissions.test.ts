import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReadyDraft, createUser, eventually, startTestApp, type Caller, type TestApp } from '../support/app.ts';
import { FIVE_GATES } from '../support/gates.ts';
import { CommissionCommands } from '../../src/services/commission-commands.ts';
import { completedJob, queuedJob } from '../support/jobs.ts';
import { redisForTests } from '../support/redis.ts';

const redisUrl = await redisForTests();
const backends = [
  { name: 'postgres', queue: { backend: 'postgres' as const } },
  ...(redisUrl ? [{ name: 'redis', queue: { backend: 'redis' as const, redisUrl } }] : []),
];

const ORDOS = '150600';
const BAOTOU = '150200';
const ISSUED_AT = '2024-05-20T10:00:00+08:00';
const DUE_END = Date.parse('2024-05-24T23:59:59.999+08:00');

/**
 * A commission's open assignments are missed just after the end of the due date: by the delayed
 * job the outbox relay schedules, and by the sweeper when that job is lost. The sweeper runs once at
 * start-up and not again within the hour, unless a test calls it.
 */
describe.each(backends)('the commission’s miss ($name backend)', ({ queue }) => {
  let t: TestApp;
  let reviewer: Caller;
  let ordosEditor: Caller;
  let baotouApprover: Caller;
  let ordosApprover: Caller;

  beforeAll(async () => {
    t = await startTestApp({ queue, workers: true, now: ISSUED_AT, env: { SWEEP_INTERVAL_MS: '3600000' } });
    reviewer = await createUser(t.app, 'reviewer');
    ordosEditor = await createUser(t.app, 'editor', ORDOS, '张三');
    ordosApprover = await createUser(t.app, 'approver', ORDOS, '王主任');
    baotouApprover = await createUser(t.app, 'approver', BAOTOU);
  });
  afterAll(async () => {
    await t?.close();
  });

  const issue = async (title: string) => {
    t.clock.set(ISSUED_AT);
    const response = await reviewer.post('/v1/commissions', { title, requirements: '请报送做法与成效', kind: 'news', unitCodes: [ORDOS, BAOTOU], dueDate: '2024-05-24' });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string };
  };
  const missJob = (id: string) => queuedJob(t.queues!, 'deadlines', `commission-miss-${id}-${DUE_END}`);
  const reminderJob = (id: string) => queuedJob(t.queues!, 'deadlines', `commission-remind-${id}-${DUE_END}`);
  const reminded = async (id: string) =>
    (await t.services.db.selectFrom('assignments').select(['unit_code', 'snapshot']).where('commission_id', '=', id).orderBy('unit_code').execute())
      .map((a) => [a.unit_code, (a.snapshot as { context: { reminded: boolean } }).context.reminded]);
  const statesOf = async (id: string) =>
    Object.fromEntries((await reviewer.get(`/v1/commissions/${id}`)).json().assignments.map((a: { unitCode: string; state: string }) => [a.unitCode, a.state]));

  it('is a delayed job due just after the end of the due date; it misses the open assignments only, and tells the unit', async () => {
    const { id } = await issue('民族团结进步创建工作');
    // Baotou declines (the region has not judged it yet): not a miss.
    await baotouApprover.post(`/v1/commissions/${id}/assignments/${BAOTOU}/actions`, { action: 'decline', reason: '无相关工作' });

    const job = await missJob(id);
    expect(job.name).toBe('commission_miss');
    expect(job.delay).toBe(DUE_END + 1 - Date.parse(ISSUED_AT));

    t.clock.set('2024-05-25T00:00:00+08:00');
    await job.promote();
    expect((await completedJob(t.queues!, 'deadlines', job.id!)).returnvalue).toEqual({ applied: 1 });
    expect(await statesOf(id)).toEqual({ [BAOTOU]: 'declined', [ORDOS]: 'missed' });
    const notices = (await ordosEditor.get('/v1/notifications')).json().items.map((n: { kind: string; message: string }) => [n.kind, n.message]);
    expect(notices).toContainEqual(['commission_missed', '约稿《民族团结进步创建工作》已超过回复期限（2024-05-24），记为逾期未回复。']);
  });

  it('a job run early, or run twice, changes nothing more', async () => {
    const { id } = await issue('计生协会员之家建设');
    const job = await missJob(id);
    t.clock.set('2024-05-24T23:00:00+08:00');
    await job.promote();
    expect((await completedJob(t.queues!, 'deadlines', job.id!)).returnvalue).toEqual({ applied: 0 });
    expect(await statesOf(id)).toEqual({ [BAOTOU]: 'open', [ORDOS]: 'open' });
  });

  it('the sweeper misses what a lost job would have', async () => {
    const early = (await reviewer.get('/v1/commissions')).json().items.find((c: { title: string }) => c.title === '计生协会员之家建设');
    const { id } = await issue('优生优育进万家');
    const job = await missJob(id);
    await job.remove();
    t.clock.set('2024-05-25T08:00:00+08:00');
    const swept = await t.runtime!.sweeper.sweep();
    // This commission's two, and the two of the commission whose job ran too early and is gone.
    expect(swept.commissionsMissed).toBe(4);
    expect(await statesOf(id)).toEqual({ [BAOTOU]: 'missed', [ORDOS]: 'missed' });
    expect(await statesOf(early.id)).toEqual({ [BAOTOU]: 'missed', [ORDOS]: 'missed' });
    expect((await t.runtime!.sweeper.sweep()).commissionsMissed).toBe(0);
  });

  it('reminds the units at 09:00 on the last working day before the due date, by its job or else by the sweeper', async () => {
    const { id } = await issue('家庭健康促进行动');
    const job = await reminderJob(id);
    expect(job.name).toBe('commission_remind');
    expect(job.delay).toBe(Date.parse('2024-05-23T09:00:00+08:00') - Date.parse(ISSUED_AT));
    t.clock.set('2024-05-23T09:00:00+08:00');
    await job.promote();
    expect((await completedJob(t.queues!, 'deadlines', job.id!)).returnvalue).toEqual({ applied: 2 });
    const notices = (await ordosEditor.get('/v1/notifications')).json().items.map((n: { kind: string; message: string }) => [n.kind, n.message]);
    expect(notices).toContainEqual(['commission_due_soon', '约稿《家庭健康促进行动》将于2024-05-24截止，请尽快回复。']);

    const lost = (await issue('青春健康教育')).id;
    await (await reminderJob(lost)).remove();
    t.clock.set('2024-05-23T08:59:00+08:00');
    await t.runtime!.sweeper.sweep();
    expect(await reminded(lost)).toEqual([[BAOTOU, false], [ORDOS, false]]);
    t.clock.set('2024-05-23T09:30:00+08:00');
    expect((await t.runtime!.sweeper.sweep()).commissionsReminded).toBe(2);
    expect(await reminded(lost)).toEqual([[BAOTOU, true], [ORDOS, true]]);
    expect((await t.runtime!.sweeper.sweep()).commissionsReminded).toBe(0);
  });

  it('an item answers the commission at its sign-off and fulfils it at its adoption, each once', async () => {
    const { id } = await issue('计生协参与基层治理');
    const assignment = async () => (await reviewer.get(`/v1/commissions/${id}`)).json().assignments.find((a: { unitCode: string }) => a.unitCode === ORDOS);
    t.clock.set('2024-05-21T09:00:00+08:00');
    const item = await createReadyDraft(ordosEditor, {
      title: '鄂尔多斯市计生协参与基层治理', body: '活动内容。（鄂尔多斯市计生协 张三 供稿）', eventDate: '2024-05-20', commissionId: id,
    });
    const act = (by: Caller, body: object) => by.post(`/v1/submissions/${item.id}/actions`, body);
    expect((await act(ordosEditor, { action: 'request_signoff' })).statusCode).toBe(200);
    expect((await assignment()).state).toBe('open');
    expect((await act(ordosApprover, { action: 'sign_off', signer: '王主任', gates: FIVE_GATES })).statusCode).toBe(200);
    const answered = await eventually(async () => {
      const found = await assignment();
      return found.state === 'answered' ? found : null;
    }, 20_000, 'the assignment answered');
    expect(answered).toMatchObject({ itemId: item.id, late: false, answeredAt: '2024-05-21T01:00:00.000Z' });

    expect((await act(reviewer, { action: 'adopt' })).statusCode).toBe(200);
    await eventually(async () => (await assignment()).state === 'fulfilled', 20_000, 'the assignment fulfilled');
    const history = await t.services.db.selectFrom('assignment_history').select(['action', 'to_state', 'details']).where('commission_id', '=', id).where('unit_code', '=', ORDOS).orderBy('seq').execute();
    expect(history).toEqual([
      { action: 'create', to_state: 'open', details: null },
      { action: 'answer', to_state: 'answered', details: { itemId: item.id } },
      { action: 'fulfil', to_state: 'fulfilled', details: { itemId: item.id } },
    ]);
    // Both rows are done; applying one again changes nothing.
    const rows = await t.services.db.selectFrom('outbox').select(['id', 'done_at']).where('topic', '=', 'commission').where('item_id', '=', item.id).execute();
    expect(rows.length).toBe(2);
    expect(rows.every((r) => r.done_at !== null)).toBe(true);
    expect(await new CommissionCommands(t.services).applyItemStep(rows[0]!.id)).toBe(false);
    expect((await assignment()).version).toBe(3);
  });
});

/**
 * The deadlines worker runs several jobs at once (DEADLINE_CONCURRENCY), so an item's adoption
 * step may come before its sign-off step: it must wait for it, not be refused and lost.
 */
describe('an item’s steps on its commission, out of order', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ now: ISSUED_AT }); // no queue: the outbox rows stay for the test to apply
  });
  afterAll(async () => {
    await t?.close();
  });

  it('applies the adoption only after the sign-off, so the assignment ends fulfilled', async () => {
    const reviewer = await createUser(t.app, 'reviewer');
    const editor = await createUser(t.app, 'editor', ORDOS, '张三');
    const approver = await createUser(t.app, 'approver', ORDOS, '王主任');
    const issued = await reviewer.post('/v1/commissions', { title: '计生协参与基层治理', requirements: '请报送做法与成效', kind: 'news', unitCodes: [ORDOS], dueDate: '2024-05-24' });
    expect(issued.statusCode, issued.body).toBe(201);
    const { id } = issued.json() as { id: string };
    const item = await createReadyDraft(editor, {
      title: '鄂尔多斯市计生协参与基层治理', body: '活动内容。（鄂尔多斯市计生协 张三 供稿）', eventDate: '2024-05-20', commissionId: id,
    });
    const act = (by: Caller, body: object) => by.post(`/v1/submissions/${item.id}/actions`, body);
    expect((await act(editor, { action: 'request_signoff' })).statusCode).toBe(200);
    expect((await act(approver, { action: 'sign_off', signer: '王主任', gates: FIVE_GATES })).statusCode).toBe(200);
    expect((await act(reviewer, { action: 'adopt' })).statusCode).toBe(200);
    const [answer, fulfil] = await t.services.db.selectFrom('outbox').select('id').where('topic', '=', 'commission').where('item_id', '=', item.id).orderBy('id').execute();

    const commissions = new CommissionCommands(t.services);
    await expect(commissions.applyItemStep(fulfil.id)).rejects.toThrow(/waits for the item's earlier step/);
    expect(await commissions.applyItemStep(answer.id)).toBe(true);
    expect(await commissions.applyItemStep(fulfil.id)).toBe(true);
    const assignment = (await reviewer.get(`/v1/commissions/${id}`)).json().assignments[0];
    expect(assignment).toMatchObject({ unitCode: ORDOS, state: 'fulfilled', itemId: item.id });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../machines/actors.ts';
import type { PersistedSubmission } from '../../machines/submission.runtime.ts';
import { Sweeper } from '../../workers/sweeper.ts';
import { CommissionCommands } from '../../src/services/commission-commands.ts';
import { createUser, startTestApp, type Caller, type TestApp } from '../support/app.ts';

const ORDOS = '150600';
const BAOTOU = '150200';
const HOHHOT = '150100';
const UNKNOWN = '11111111-1111-4111-8111-111111111111';
/** A real item to answer with (assignments reference items). */
let ITEM: string;

let t: TestApp;
let reviewer: Caller;
let manager: Caller;
let ordosEditor: Caller;
let ordosApprover: Caller;
let baotouApprover: Caller;

beforeAll(async () => {
  // Monday 2024-05-20, 10:00 in Shanghai.
  t = await startTestApp();
  reviewer = await createUser(t.app, 'reviewer');
  manager = await createUser(t.app, 'manager');
  ordosEditor = await createUser(t.app, 'editor', ORDOS);
  ordosApprover = await createUser(t.app, 'approver', ORDOS);
  baotouApprover = await createUser(t.app, 'approver', BAOTOU);
  ITEM = (await ordosEditor.post('/v1/submissions', { title: '鄂尔多斯市计生协开展“一老一小”服务', eventDate: '2024-05-18' })).json().id;
});
afterAll(async () => {
  await t?.close();
});

const issue = (body: Record<string, unknown> = {}, headers: Record<string, string> = {}, by = reviewer) =>
  by.post('/v1/commissions', { title: '计生协助力“一老一小”工作', requirements: '请报送本地开展“一老一小”服务的做法和成效', kind: 'case', unitCodes: [ORDOS, BAOTOU], dueDate: '2024-05-31', ...body }, headers);

const count = async (table: 'commissions' | 'assignments' | 'assignment_history') =>
  Number((await t.services.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

const historyOf = (id: string, unitCode: string) =>
  t.services.db.selectFrom('assignment_history').select(['seq', 'action', 'from_state', 'to_state', 'actor_role', 'reason']).where('commission_id', '=', id).where('unit_code', '=', unitCode).orderBy('seq').execute();

const assignmentOf = (body: { assignments: Array<{ unitCode: string }> }, unitCode: string) => body.assignments.find((a) => a.unitCode === unitCode)!;

describe('issuing a commission', () => {
  it('creates one open assignment per target unit, due at the end of the Shanghai date, and tells the units', async () => {
    const response = await issue({ points: 2 });
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    expect(response.headers.etag).toBe('"1"');
    expect(body).toMatchObject({ kind: 'case', allUnits: false, dueDate: '2024-05-31', dueAt: '2024-05-31T15:59:59.999Z', points: 2, status: 'active', counts: { open: 2 } });
    expect(body.assignments.map((a: { unitCode: string; state: string }) => [a.unitCode, a.state])).toEqual([[BAOTOU, 'open'], [ORDOS, 'open']]);
    expect(assignmentOf(body, ORDOS)).toMatchObject({ stateLabel: '待回复', version: 1, late: false, allowedActions: [] });
    expect(body.createdBy).toEqual({ id: reviewer.id, name: 'reviewer' });
    expect((await ordosEditor.get('/v1/commissions')).json().items.find((c: { id: string }) => c.id === body.id).createdBy).toEqual({ id: reviewer.id, name: 'reviewer' });
    expect(await historyOf(body.id, ORDOS)).toEqual([{ seq: 1, action: 'create', from_state: null, to_state: 'open', actor_role: 'reviewer', reason: null }]);
    const notices = (await ordosEditor.get('/v1/notifications')).json();
    expect(JSON.stringify(notices)).toContain('自治区计生协约稿《计生协助力“一老一小”工作》，请于2024-05-31前报送。');
    const outbox = await t.services.db.selectFrom('outbox').select('payload').where('topic', '=', 'commission_deadline').execute();
    expect(outbox.map((o) => o.payload)).toContainEqual({ commissionId: body.id, dueAt: '2024-05-31T15:59:59.999Z' });
  });

  it('counts N working days from today through the working calendar, for all units', async () => {
    const response = await issue({ dueDate: undefined, dueWorkdays: 3, unitCodes: 'all' }, {}, manager);
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    expect(body.dueDate).toBe('2024-05-23');
    expect(body.allUnits).toBe(true);
    expect(body.assignments.length).toBe(t.services.units.list.length);
  });

  it('refuses bad requests with a clear 4xx and stores nothing', async () => {
    const before = await count('commissions');
    const cases: Array<[Record<string, unknown>, Caller, number, string]> = [
      [{ dueDate: '2024-05-19' }, reviewer, 422, 'commission_due_in_past'],
      [{ unitCodes: [ORDOS, '999999'] }, reviewer, 422, 'unknown_unit'],
      [{ dueWorkdays: 2 }, reviewer, 400, 'validation_failed'],
      [{ dueDate: undefined }, reviewer, 400, 'validation_failed'],
      [{ kind: 'poem' }, reviewer, 400, 'validation_failed'],
      [{ unitCodes: [] }, reviewer, 400, 'validation_failed'],
      [{}, ordosEditor, 403, 'forbidden'],
      [{}, ordosApprover, 403, 'forbidden'],
    ];
    for (const [body, by, status, code] of cases) {
      const response = await issue(body, {}, by);
      expect(response.statusCode, `${JSON.stringify(body)}: ${response.body}`).toBe(status);
      expect(response.json().error.code).toBe(code);
      expect(response.json().error.message).toMatch(/\p{Script=Han}/u);
    }
    expect(await count('commissions')).toBe(before);
  });

  it('answers a repeated Idempotency-Key as the first time, and refuses the key for another request', async () => {
    const before = await count('commissions');
    const first = await issue({}, { 'idempotency-key': 'issue-1' });
    const again = await issue({}, { 'idempotency-key': 'issue-1' });
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    expect(await count('commissions')).toBe(before + 1);
    const other = await issue({ title: '另一个约稿' }, { 'idempotency-key': 'issue-1' });
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('idempotency_key_reused');
  });
});

describe('who sees what', () => {
  it('a unit sees the commissions addressed to it, with its own assignment only; others are not found', async () => {
    const toOrdos = (await issue()).json();
    const toHohhot = (await issue({ unitCodes: [HOHHOT] })).json();
    const list = (await ordosEditor.get('/v1/commissions')).json();
    const ids = list.items.map((c: { id: string }) => c.id);
    expect(ids).toContain(toOrdos.id);
    expect(ids).not.toContain(toHohhot.id);
    expect(list.items.find((c: { id: string }) => c.id === toOrdos.id).counts).toEqual({ open: 1 });
    const one = (await ordosEditor.get(`/v1/commissions/${toOrdos.id}`)).json();
    expect(one.assignments.map((a: { unitCode: string }) => a.unitCode)).toEqual([ORDOS]);
    const hidden = await ordosEditor.get(`/v1/commissions/${toHohhot.id}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.message).toBe('找不到该约稿');
    expect((await reviewer.get('/v1/commissions')).json().items.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining([toOrdos.id, toHohhot.id]));
  });
});

describe('declining', () => {
  it('the unit’s approver declines with a reason; the region accepts it', async () => {
    const commission = (await issue()).json();
    const url = `/v1/commissions/${commission.id}/assignments/${ORDOS}/actions`;
    expect((await ordosApprover.get(`/v1/commissions/${commission.id}`)).json().assignments[0].allowedActions).toEqual(['decline']);
    const noReason = await ordosApprover.post(url, { action: 'decline' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().error.code).toBe('reason_required');
    expect((await ordosEditor.post(url, { action: 'decline', reason: '无' })).statusCode).toBe(403);
    const otherUnit = await baotouApprover.post(url, { action: 'decline', reason: '无' });
    expect(otherUnit.statusCode).toBe(404);
    const declined = await ordosApprover.post(url, { action: 'decline', reason: '本市暂无相关工作' });
    expect(declined.statusCode, declined.body).toBe(200);
    expect(declined.headers.etag).toBe('"2"');
    expect(declined.json()).toMatchObject({ state: 'declined', stateLabel: '申请不回复', declineReason: '本市暂无相关工作' });
    const notices = JSON.stringify((await reviewer.get('/v1/notifications')).json());
    expect(notices).toContain('鄂尔多斯市申请不回复约稿《计生协助力“一老一小”工作》，原因：本市暂无相关工作。');
    const stale = await reviewer.post(url, { action: 'accept_decline' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    const accepted = await reviewer.post(url, { action: 'accept_decline' }, { 'if-match': '"2"' });
    expect(accepted.json()).toMatchObject({ state: 'excused', version: 3 });
    const again = await reviewer.post(url, { action: 'refuse_decline', reason: '不行' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('invalid_transition');
    expect(again.json().error.message).toBe('该约稿回复当前为“准予不回复”，不能进行此操作');
    expect((await historyOf(commission.id, ORDOS)).map((h) => [h.action, h.to_state, h.reason])).toEqual([
      ['create', 'open', null],
      ['decline', 'declined', '本市暂无相关工作'],
      ['accept_decline', 'excused', null],
    ]);
  });

  it('a refused decline reopens the assignment and tells the unit why', async () => {
    const commission = (await issue()).json();
    const url = `/v1/commissions/${commission.id}/assignments/${ORDOS}/actions`;
    await ordosApprover.post(url, { action: 'decline', reason: '人手不足' });
    const refused = await manager.post(url, { action: 'refuse_decline', reason: '此项为重点工作' });
    expect(refused.json()).toMatchObject({ state: 'open', refusalReason: '此项为重点工作' });
    expect(JSON.stringify((await ordosApprover.get('/v1/notifications')).json())).toContain('原因：此项为重点工作。');
  });

  it('an unknown unit or commission is not found', async () => {
    const commission = (await issue()).json();
    expect((await reviewer.post(`/v1/commissions/${commission.id}/assignments/${HOHHOT}/actions`, { action: 'accept_decline' })).statusCode).toBe(404);
    expect((await reviewer.post(`/v1/commissions/${UNKNOWN}/assignments/${ORDOS}/actions`, { action: 'accept_decline' })).statusCode).toBe(404);
  });
});

describe('editing and cancelling', () => {
  it('edits until the first answer, moving the assignments’ due date; then refuses', async () => {
    const commission = (await issue()).json();
    const edited = await reviewer.patch(`/v1/commissions/${commission.id}`, { title: '“一老一小”服务做法', dueDate: '2024-06-07' }, { 'if-match': '"1"' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ title: '“一老一小”服务做法', dueDate: '2024-06-07', version: 2 });
    expect(assignmentOf(edited.json(), ORDOS)).toMatchObject({ dueAt: '2024-06-07T15:59:59.999Z', version: 2 });
    expect((await reviewer.patch(`/v1/commissions/${commission.id}`, { title: 'x' }, { 'if-match': '"1"' })).statusCode).toBe(412);
    expect((await ordosEditor.patch(`/v1/commissions/${commission.id}`, { title: 'x' })).statusCode).toBe(403);

    const commands = new CommissionCommands(t.services);
    expect(await commands.system(commission.id, ORDOS, { type: 'answer', actor: SYSTEM_ACTOR, now: t.clock.now, itemId: ITEM })).toBe(true);
    const refused = await reviewer.patch(`/v1/commissions/${commission.id}`, { title: '再改' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('commission_answered');
    expect((await reviewer.get(`/v1/commissions/${commission.id}`)).json().title).toBe('“一老一小”服务做法');
  });

  it('cancelling closes the waiting assignments, leaves answered ones, and happens once', async () => {
    const commission = (await issue({ unitCodes: [ORDOS, BAOTOU, HOHHOT] })).json();
    await new CommissionCommands(t.services).system(commission.id, HOHHOT, { type: 'answer', actor: SYSTEM_ACTOR, now: t.clock.now, itemId: ITEM });
    await baotouApprover.post(`/v1/commissions/${commission.id}/assignments/${BAOTOU}/actions`, { action: 'decline', reason: '无' });
    expect((await ordosApprover.post(`/v1/commissions/${commission.id}/actions`, { action: 'cancel' })).statusCode).toBe(403);
    const cancelled = await manager.post(`/v1/commissions/${commission.id}/actions`, { action: 'cancel' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', counts: { cancelled: 2, answered: 1 } });
    expect(JSON.stringify((await ordosEditor.get('/v1/notifications')).json())).toContain('约稿《计生协助力“一老一小”工作》已取消，无需再回复。');
    const again = await manager.post(`/v1/commissions/${commission.id}/actions`, { action: 'cancel' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('commission_cancelled');
  });
});

describe('items naming a commission', () => {
  const draft = (commissionId: string) => ordosEditor.post('/v1/submissions', { title: '鄂尔多斯市计生协回复约稿', eventDate: '2024-05-18', commissionId });

  it('takes a commission of the editor’s own unit, and keeps the link through the item’s steps', async () => {
    const commission = (await issue()).json();
    const created = await draft(commission.id);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().commissionId).toBe(commission.id);
    const stored = await t.services.db.selectFrom('items').select('snapshot').where('id', '=', created.json().id).executeTakeFirstOrThrow();
    expect((stored.snapshot as PersistedSubmission).context.commissionId).toBe(commission.id);
    expect((await ordosEditor.patch(`/v1/submissions/${created.json().id}`, { title: '鄂尔多斯市计生协回复约稿（修改）' })).statusCode).toBe(200);
    const edited = await t.services.db.selectFrom('items').select('snapshot').where('id', '=', created.json().id).executeTakeFirstOrThrow();
    expect((edited.snapshot as PersistedSubmission).context.commissionId).toBe(commission.id);
    expect((await ordosEditor.get(`/v1/submissions/${created.json().id}`)).json().commissionId).toBe(commission.id);
  });

  it('answers a commission asking for a survey report (调研报告) with an item of kind report', async () => {
    const commission = (await issue({ kind: 'report' })).json();
    expect(commission.kind).toBe('report');
    const created = await ordosEditor.post('/v1/submissions', { title: '鄂尔多斯市计生协关于“一老一小”的调研报告', eventDate: '2024-05-18', kind: 'report', commissionId: commission.id });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ kind: 'report', commissionId: commission.id });
    const back = await ordosEditor.patch(`/v1/submissions/${created.json().id}`, { kind: 'news' });
    expect(back.json().kind).toBe('news');
    expect((await ordosEditor.post('/v1/submissions', { title: '鄂尔多斯市计生协稿件', eventDate: '2024-05-18', kind: 'survey' })).statusCode).toBe(400);
  });

  it('refuses another unit’s commission or an unknown one (404), and a closed assignment (409), storing nothing', async () => {
    const items = async () => Number((await t.services.db.selectFrom('items').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await items();
    const elsewhere = (await issue({ unitCodes: [HOHHOT] })).json();
    const notOurs = await draft(elsewhere.id);
    expect(notOurs.statusCode).toBe(404);
    expect(notOurs.json().error.message).toBe('找不到该约稿');
    expect((await draft(UNKNOWN)).statusCode).toBe(404);
    const cancelled = (await issue()).json();
    await reviewer.post(`/v1/commissions/${cancelled.id}/actions`, { action: 'cancel' });
    const closed = await draft(cancelled.id);
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('commission_not_open');
    expect((await draft('not-a-uuid')).statusCode).toBe(400);
    expect(await items()).toBe(before);
  });
});

describe('tasks', () => {
  it('a unit sees its open assignments, soonest due first; the region sees the declines to judge', async () => {
    const later = (await issue({ title: '约稿：六月', dueDate: '2024-06-28' })).json();
    const sooner = (await issue({ title: '约稿：五月', dueDate: '2024-05-24' })).json();
    const declined = (await issue({ title: '约稿：申请不回复' })).json();
    await ordosApprover.post(`/v1/commissions/${declined.id}/assignments/${ORDOS}/actions`, { action: 'decline', reason: '无相关工作' });

    const ours = (await ordosEditor.get('/v1/tasks/commissions')).json().items;
    expect(ours.every((task: { unitCode: string; state: string }) => task.unitCode === ORDOS && task.state === 'open')).toBe(true);
    const titles = ours.map((task: { title: string }) => task.title);
    expect(titles.indexOf('约稿：五月')).toBeLessThan(titles.indexOf('约稿：六月'));
    expect(titles).not.toContain('约稿：申请不回复');
    expect(ours.find((task: { commissionId: string }) => task.commissionId === sooner.id)).toMatchObject({ dueDate: '2024-05-24', kind: 'case', allowedActions: [] });
    expect((await ordosApprover.get('/v1/tasks/commissions')).json().items.find((task: { commissionId: string }) => task.commissionId === later.id).allowedActions).toEqual(['decline']);

    const region = (await reviewer.get('/v1/tasks/commissions')).json().items;
    expect(region.map((task: { commissionId: string; unitCode: string }) => [task.commissionId, task.unitCode])).toContainEqual([declined.id, ORDOS]);
    expect(region.every((task: { state: string }) => task.state === 'declined')).toBe(true);
  });

  it('GET /v1/tasks gives the unit its open assignments beside its items, on the first page, narrowed by the same filters', async () => {
    type Task = { commissionId: string; unitCode: string; state: string };
    const ids = (tasks: Task[]) => tasks.map((task) => task.commissionId);
    const soon = (await issue({ title: '约稿：待办', dueDate: '2024-05-22' })).json();
    const page = (await ordosEditor.get('/v1/tasks?limit=1')).json();
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ unitCode: ORDOS, state: 'draft' });
    expect(page.commissions.find((task: Task) => task.commissionId === soon.id)).toMatchObject({
      unitCode: ORDOS, state: 'open', stateLabel: '待回复', title: '约稿：待办', dueDate: '2024-05-22', dueAt: '2024-05-22T15:59:59.999Z', late: false,
    });
    expect(page.commissions.every((task: Task) => task.unitCode === ORDOS && task.state === 'open')).toBe(true);
    expect(page.nextCursor).not.toBeNull();
    const next = (await ordosEditor.get(`/v1/tasks?limit=1&cursor=${encodeURIComponent(page.nextCursor)}`)).json();
    expect(next.items).toHaveLength(1);
    expect(next.commissions).toEqual([]);
    expect((await ordosEditor.get('/v1/tasks?state=draft')).json().commissions).toEqual([]);
    expect(ids((await ordosEditor.get('/v1/tasks?late=false')).json().commissions)).toContain(soon.id);
    expect(ids((await ordosEditor.get('/v1/tasks?late=true')).json().commissions)).not.toContain(soon.id);
    expect(ids((await baotouApprover.get('/v1/tasks')).json().commissions)).toContain(soon.id);
    expect((await reviewer.get('/v1/tasks')).json().commissions.every((task: Task) => task.state === 'declined')).toBe(true);
  });
});

describe('the sweeper under the item’s consequence', () => {
  it('applies a sign-off’s `commission` row that no worker applied (no queue here), once', async () => {
    const commission = (await issue()).json();
    const { id: itemId } = (await ordosEditor.post('/v1/submissions', { title: '鄂尔多斯市计生协回复约稿', eventDate: '2024-05-18', commissionId: commission.id })).json();
    // What a sign-off writes (its outbox row), as the item's command would, with no relay to hand it on.
    const row = await t.services.db
      .insertInto('outbox')
      .values({ item_id: itemId, history_seq: 3, topic: 'commission', payload: JSON.stringify({ commissionId: commission.id, unitCode: ORDOS, event: 'answer' }), created_at: new Date(Date.now() - 60_000) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const reminders = { staleReminderDays: 3, signoffReminderWorkdays: 1 };
    const sweeper = new Sweeper(t.services.db, t.services.commands, t.services.calendar, reminders, t.clock.read, undefined, new CommissionCommands(t.services));
    expect((await sweeper.sweep()).commissionSteps).toBe(1);
    const answered = assignmentOf((await reviewer.get(`/v1/commissions/${commission.id}`)).json(), ORDOS);
    expect(answered).toMatchObject({ state: 'answered', itemId });
    expect((await t.services.db.selectFrom('outbox').select('done_at').where('id', '=', row.id).executeTakeFirstOrThrow()).done_at).not.toBeNull();
    expect((await sweeper.sweep()).commissionSteps).toBe(0);
  });
});

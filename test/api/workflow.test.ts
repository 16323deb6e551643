import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { notificationJobOf } from '../../workers/jobs.ts';
import { NOTIFICATION_TEMPLATES } from '../../workers/notification-messages.ts';
import { deliverNotification } from '../../workers/notification.worker.ts';
import { BOOTSTRAP_TOKEN, callerFor, createReadyDraft, createUser, startTestApp, type Caller, type TestApp } from '../support/app.ts';
import { FIVE_GATES } from '../support/gates.ts';
import { png } from '../support/images.ts';

const UNIT = '150600';
const OTHER_UNIT = '150100';
const START = '2024-05-20T10:00:00+08:00';
const draft = {
  title: '鄂尔多斯市计生协开展优生优育进家庭活动',
  body: '活动内容。（鄂尔多斯市计生协 张三 供稿）',
  eventDate: '2024-05-18',
};

let t: TestApp;
let editor: Caller;
let approver: Caller;
let reviewer: Caller;
let reviewer2: Caller;
let manager: Caller;
let otherEditor: Caller;
let admin: Caller;

beforeAll(async () => {
  t = await startTestApp({ now: START });
  editor = await createUser(t.app, 'editor', UNIT, '张三');
  approver = await createUser(t.app, 'approver', UNIT, '王主任');
  reviewer = await createUser(t.app, 'reviewer', undefined, '赵编辑');
  reviewer2 = await createUser(t.app, 'reviewer', undefined, '钱编辑');
  manager = await createUser(t.app, 'manager', undefined, '孙处长');
  otherEditor = await createUser(t.app, 'editor', OTHER_UNIT, '李四');
  admin = callerFor(t.app, BOOTSTRAP_TOKEN);
});
afterAll(async () => {
  await t?.close();
});
beforeEach(() => t.clock.set(START));

const act = (caller: Caller, id: string, body: object, headers: Record<string, string> = {}) =>
  caller.post(`/v1/submissions/${id}/actions`, body, headers);
const historyOf = async (id: string) => (await manager.get(`/v1/submissions/${id}/history`)).json();
const actionsOf = async (id: string) => (await historyOf(id)).map((h: { action: string }) => h.action);

async function submitted(): Promise<string> {
  const { id } = await createReadyDraft(editor, draft);
  expect((await act(editor, id, { action: 'request_signoff' })).statusCode).toBe(200);
  expect((await act(approver, id, { action: 'sign_off', signer: '王主任', gates: FIVE_GATES })).statusCode).toBe(200);
  return id;
}

describe('GET /v1/lifecycle', () => {
  it('labels states, actions, roles and the five gates in Chinese, from the machine', async () => {
    const response = await editor.get('/v1/lifecycle');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.states.map((s: { label: string }) => s.label)).toEqual([
      '草稿', '待审签', '已报送', '已采用', '已转报', '不予采用', '中国计生协采用', '未被中国计生协采用', '已撤回', '已过期',
    ]);
    expect(body.states[0]).toEqual({ name: 'draft', label: '草稿', final: false, tags: expect.arrayContaining(['editable', 'queue:editor']) });
    expect(body.states.find((s: { name: string }) => s.name === 'expired')).toMatchObject({ final: true, tags: [] });
    const action = (name: string) => body.actions.find((a: { name: string }) => a.name === name);
    expect(action('sign_off')).toEqual({ name: 'sign_off', label: '签发', fields: ['signer', 'gates'], roles: ['approver'] });
    expect(action('reassign')).toEqual({ name: 'reassign', label: '转交', fields: ['to'], roles: ['reviewer'] });
    expect(action('release_claim')).toEqual({ name: 'release_claim', label: '收回认领', fields: [], roles: ['admin'] });
    expect(action('recall')).toMatchObject({ fields: ['reason'], roles: ['approver'] });
    expect(action('request_signoff').label).toBe('提交审签');
    expect(action('image_added')).toMatchObject({ roles: ['editor'] });
    expect(body.roles).toContainEqual({ name: 'reviewer', label: '自治区编辑' });
    expect(body.gates.map((g: { label: string }) => g.label)).toEqual(['政治关', '政策关', '保密关', '文字关', '规范关']);
  });

  it('labels a commission’s assignment too: its states from the machine’s meta, its steps with their roles', async () => {
    const { assignment } = (await editor.get('/v1/lifecycle')).json();
    expect(assignment.states.map((s: { label: string }) => s.label)).toEqual(['待回复', '申请不回复', '准予不回复', '已回复', '已采用', '逾期未回复', '已取消']);
    expect(assignment.states[0]).toEqual({ name: 'open', label: '待回复', final: false, tags: ['queue:unit', 'cancellable'] });
    const step = (name: string) => assignment.actions.find((a: { name: string }) => a.name === name);
    expect(step('decline')).toEqual({ name: 'decline', label: '申请不回复', fields: ['reason'], roles: ['approver'] });
    expect(step('accept_decline')).toEqual({ name: 'accept_decline', label: '准予不回复', fields: [], roles: ['reviewer', 'manager'] });
    expect(step('refuse_decline')).toMatchObject({ label: '驳回申请', fields: ['reason'] });
    expect(step('create')).toMatchObject({ label: '发布约稿', roles: ['reviewer', 'manager'] });
    expect(step('miss')).toMatchObject({ roles: ['system'] });
  });

  it('is for signed-in people only', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/v1/lifecycle' })).statusCode).toBe(401);
  });
});

describe('the five gates (五关) at sign-off', () => {
  it('refuses a sign-off with a gate missing or false, naming it in Chinese, and changes nothing', async () => {
    const { id } = await createReadyDraft(editor, draft);
    await act(editor, id, { action: 'request_signoff' });
    const missing = await act(approver, id, { action: 'sign_off', signer: '王主任', gates: { ...FIVE_GATES, secrecy: false, standards: undefined } });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error).toMatchObject({ code: 'gates_unconfirmed', details: { unconfirmed: ['secrecy', 'standards'] } });
    expect(missing.json().error.message).toContain('保密关、规范关');
    const none = await act(approver, id, { action: 'sign_off', signer: '王主任' });
    expect(none.statusCode).toBe(422);
    expect(none.json().error.code).toBe('gates_unconfirmed');
    expect((await manager.get(`/v1/submissions/${id}`)).json()).toMatchObject({ state: 'awaiting_signoff', gates: null });
    // An unknown gate is a bad request, not a sixth check.
    expect((await act(approver, id, { action: 'sign_off', signer: '王主任', gates: { ...FIVE_GATES, extra: true } })).statusCode).toBe(400);

    const signed = await act(approver, id, { action: 'sign_off', signer: '王主任', gates: FIVE_GATES });
    expect(signed.statusCode).toBe(200);
    expect(signed.json()).toMatchObject({ state: 'submitted', gates: FIVE_GATES, signer: '王主任' });
    const history = await historyOf(id);
    expect(history.at(-1)).toMatchObject({ action: 'sign_off', details: { gates: FIVE_GATES } });
  });
});

describe('撤回 after sign-off (recall)', () => {
  it('takes an unclaimed submitted item back to draft with its reason; the first submission earns points once', async () => {
    const id = await submitted();
    expect((await approver.get(`/v1/submissions/${id}`)).json().allowedActions).toEqual(['recall']);
    expect((await act(approver, id, { action: 'recall' })).statusCode).toBe(400);
    const recalled = await act(approver, id, { action: 'recall', reason: '数据需要核实' });
    expect(recalled.statusCode).toBe(200);
    expect(recalled.json()).toMatchObject({
      state: 'draft',
      decision: { action: 'recall', reason: '数据需要核实', by: { id: approver.id, name: '王主任' } },
    });
    expect((await historyOf(id)).at(-1)).toMatchObject({ action: 'recall', from: 'submitted', to: 'draft', reason: '数据需要核实' });

    await act(editor, id, { action: 'request_signoff' });
    expect((await act(approver, id, { action: 'sign_off', signer: '王主任', gates: FIVE_GATES })).statusCode).toBe(200);
    const scoreRows = await t.services.db.selectFrom('outbox').select('payload').where('item_id', '=', id).where('topic', '=', 'score').execute();
    expect(scoreRows.map((r) => r.payload.kind)).toEqual(['submitted']);
  });

  it('is refused once a reviewer has claimed the item, and to the editor', async () => {
    const id = await submitted();
    expect((await act(editor, id, { action: 'recall', reason: '撤回' })).statusCode).toBe(403);
    await reviewer.post(`/v1/tasks/${id}/claim`);
    const refused = await act(approver, id, { action: 'recall', reason: '撤回' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'claimed_by_other', details: { claimedByName: '赵编辑' } });
    expect(refused.json().error.message).toContain('赵编辑');
  });
});

describe('claims people can untangle', () => {
  it('lets the holder hand a claim to another active reviewer, recorded with both names', async () => {
    const id = await submitted();
    await reviewer.post(`/v1/tasks/${id}/claim`);
    expect((await reviewer.get(`/v1/submissions/${id}`)).json().allowedActions).toEqual(
      expect.arrayContaining(['unclaim', 'reassign']),
    );
    const key = { 'idempotency-key': `reassign-${id}` };
    const handed = await act(reviewer, id, { action: 'reassign', to: reviewer2.id }, key);
    expect(handed.statusCode).toBe(200);
    expect(handed.json()).toMatchObject({ claimedBy: reviewer2.id, claimedByName: '钱编辑' });
    // The same key again: the same answer, no second step.
    expect((await act(reviewer, id, { action: 'reassign', to: reviewer2.id }, key)).json()).toEqual(handed.json());
    const history = await historyOf(id);
    expect(history.filter((h: { action: string }) => h.action === 'reassign')).toHaveLength(1);
    expect(history.at(-1)).toMatchObject({ action: 'reassign', actor: { name: '赵编辑' }, details: { to: { id: reviewer2.id, name: '钱编辑' } } });
    // The former holder no longer holds it.
    expect((await act(reviewer, id, { action: 'adopt' })).json().error.code).toBe('claimed_by_other');
  });

  it('refuses a hand-over to someone who is not an active reviewer', async () => {
    const id = await submitted();
    await reviewer.post(`/v1/tasks/${id}/claim`);
    const toEditor = await act(reviewer, id, { action: 'reassign', to: editor.id });
    expect(toEditor.statusCode).toBe(422);
    expect(toEditor.json().error.code).toBe('not_a_reviewer');
    expect((await act(reviewer, id, { action: 'reassign', to: '00000000-0000-4000-8000-000000000099' })).statusCode).toBe(404);
    const leaving = await createUser(t.app, 'reviewer', undefined, '周编辑');
    await t.services.db.updateTable('users').set({ disabled_at: new Date() }).where('id', '=', leaving.id).execute();
    expect((await act(reviewer, id, { action: 'reassign', to: leaving.id })).statusCode).toBe(404);
    expect((await act(reviewer, id, { action: 'reassign' })).statusCode).toBe(400);
    // Someone who may not hand claims over is told so, whoever they name.
    expect((await act(approver, id, { action: 'reassign', to: '00000000-0000-4000-8000-000000000099' })).statusCode).toBe(403);
    expect((await manager.get(`/v1/submissions/${id}`)).json().claimedBy).toBe(reviewer.id);
  });

  it('lets an admin release a claim that blocks everyone, and no one else', async () => {
    const id = await submitted();
    await reviewer.post(`/v1/tasks/${id}/claim`);
    expect((await act(reviewer2, id, { action: 'release_claim' })).statusCode).toBe(403);
    expect((await admin.get(`/v1/submissions/${id}`)).json().allowedActions).toEqual(['release_claim']);
    const released = await act(admin, id, { action: 'release_claim' });
    expect(released.statusCode).toBe(200);
    expect(released.json()).toMatchObject({ claimedBy: null, claimedByName: null });
    expect((await historyOf(id)).at(-1)).toMatchObject({ action: 'release_claim', details: { released: { id: reviewer.id, name: '赵编辑' } } });
    expect((await act(reviewer2, id, { action: 'adopt' })).statusCode).toBe(200);
    // Nothing left to release.
    expect((await act(admin, id, { action: 'release_claim' })).statusCode).toBe(409);
  });
});

describe('the decision on the item', () => {
  it('is null before any and carries the last decision’s action, reason, who and when', async () => {
    const { id } = await createReadyDraft(editor, draft);
    expect((await manager.get(`/v1/submissions/${id}`)).json().decision).toBeNull();
    await act(editor, id, { action: 'request_signoff' });
    await act(approver, id, { action: 'sign_off', signer: '王主任', gates: FIVE_GATES });
    t.clock.set('2024-05-21T09:30:00+08:00');
    await act(reviewer, id, { action: 'return_for_revision', reason: '请补充活动人数。' });
    expect((await editor.get(`/v1/submissions/${id}`)).json().decision).toEqual({
      action: 'return_for_revision',
      reason: '请补充活动人数。',
      by: { id: reviewer.id, name: '赵编辑' },
      at: '2024-05-21T01:30:00.000Z',
    });
  });
});

describe('comments (批注)', () => {
  it('are written and read by anyone who may see the item, and by no one else', async () => {
    const id = await submitted();
    const written = await reviewer.post(`/v1/submissions/${id}/comments`, { text: '第二段数据请核实。' });
    expect(written.statusCode).toBe(201);
    expect(written.json()).toMatchObject({ text: '第二段数据请核实。', author: { id: reviewer.id, name: '赵编辑', role: 'reviewer' }, state: 'submitted' });
    expect((await editor.post(`/v1/submissions/${id}/comments`, { text: '已核实，数据无误' })).statusCode).toBe(201);
    const listed = (await approver.get(`/v1/submissions/${id}/comments`)).json();
    expect(listed.map((c: { text: string }) => c.text)).toEqual(['第二段数据请核实。', '已核实，数据无误']);

    expect((await otherEditor.post(`/v1/submissions/${id}/comments`, { text: '看看' })).statusCode).toBe(404);
    expect((await otherEditor.get(`/v1/submissions/${id}/comments`)).statusCode).toBe(404);
    expect((await editor.post(`/v1/submissions/${id}/comments`, { text: '   ' })).statusCode).toBe(400);
    // A comment does not change the item: nobody's If-Match fails because of it.
    expect((await manager.get(`/v1/submissions/${id}`)).json().version).toBe(4);
  });

  it('appear in the item’s timeline after the step they follow', async () => {
    const { id } = await createReadyDraft(editor, draft);
    await approver.post(`/v1/submissions/${id}/comments`, { text: '标题再斟酌' });
    await act(editor, id, { action: 'request_signoff' });
    const timeline = await historyOf(id);
    expect(timeline.map((h: { action: string }) => h.action)).toEqual(['create', 'image_added', 'comment', 'request_signoff']);
    expect(timeline[2]).toMatchObject({ seq: 2, text: '标题再斟酌', from: 'draft', to: 'draft', actor: { name: '王主任', role: 'approver' } });
    expect(timeline[3].text).toBeNull();
  });

  it('notify the other side: the unit’s people for a reviewer’s comment, the holder or last reviewer for the unit’s', async () => {
    const id = await submitted();
    const deliver = async () => {
      const rows = await t.services.db.selectFrom('outbox').select(['id', 'item_id', 'history_seq', 'topic', 'payload'])
        .where('item_id', '=', id).where('topic', '=', 'notify').where('done_at', 'is', null).orderBy('id').execute();
      for (const row of rows) await deliverNotification(t.services.db, null, notificationJobOf(row));
    };
    const noticesOf = async (who: Caller) =>
      ((await who.get('/v1/notifications')).json().items as Array<{ kind: string; itemId: string; message: string }>)
        .filter((n) => n.itemId === id && n.kind.startsWith('comment'));
    await deliver();

    // Nobody on the region's side has handled the item yet: the unit's comment has no reviewer to reach.
    await editor.post(`/v1/submissions/${id}/comments`, { text: '补充了两张照片' });
    await deliver();
    expect(await noticesOf(reviewer)).toEqual([]);
    expect(await noticesOf(reviewer2)).toEqual([]);

    await reviewer2.post(`/v1/tasks/${id}/claim`);
    await reviewer2.post(`/v1/submissions/${id}/comments`, { text: '请说明活动规模' });
    await deliver();
    for (const who of [editor, approver]) {
      expect(await noticesOf(who)).toEqual([expect.objectContaining({ kind: 'comment_from_region', message: `自治区计生协对《${draft.title}》批注：请说明活动规模。` })]);
    }
    expect(await noticesOf(reviewer2)).toEqual([]);

    await approver.post(`/v1/submissions/${id}/comments`, { text: '约200人参加。' });
    await deliver();
    expect(await noticesOf(reviewer2)).toEqual([expect.objectContaining({ kind: 'comment_from_unit', message: `报送单位对《${draft.title}》批注：约200人参加。` })]);
    expect(await noticesOf(reviewer)).toEqual([]);
    expect((await noticesOf(editor)).map((n) => n.kind)).toEqual(['comment_from_region']);
  });
});

describe('photos in the history', () => {
  it('records uploads, moves and removals as steps of the item', async () => {
    const { id } = await createReadyDraft(editor, draft);
    const second = (await editor.upload(`/v1/submissions/${id}/images`, png(1200, 900), 'b.png', { caption: '合影' })).json();
    const first = (await editor.get(`/v1/submissions/${id}/images`)).json()[0];
    const moved = await editor.patch(`/v1/submissions/${id}/images/${second.id}`, { position: 1 });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ id: second.id, position: 1, caption: '合影' });
    expect((await editor.get(`/v1/submissions/${id}/images`)).json().map((i: { id: string }) => i.id)).toEqual([second.id, first.id]);
    expect((await editor.delete(`/v1/submissions/${id}/images/${first.id}`)).statusCode).toBe(204);

    const history = await historyOf(id);
    expect(history.map((h: { action: string }) => h.action)).toEqual(['create', 'image_added', 'image_added', 'images_reordered', 'image_removed']);
    expect(history[2]).toMatchObject({ actor: { name: '张三' }, details: { image: { id: second.id, position: 2, caption: '合影' } } });
    expect(history[3].details).toEqual({ image: { id: second.id, position: 1 }, order: [second.id, first.id] });
    expect(history[4].details).toMatchObject({ image: { id: first.id, position: 2 } });
    expect((await editor.get(`/v1/submissions/${id}`)).json().version).toBe(5);
  });

  it('lets only what the machine allows change photos: the unit’s editor, while the item is a draft', async () => {
    const { id } = await createReadyDraft(editor, draft);
    const [photo] = (await editor.get(`/v1/submissions/${id}/images`)).json();
    expect((await approver.patch(`/v1/submissions/${id}/images/${photo.id}`, { position: 1 })).statusCode).toBe(403);
    await act(editor, id, { action: 'request_signoff' });
    const refused = await editor.patch(`/v1/submissions/${id}/images/${photo.id}`, { position: 1 });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('invalid_transition');
    expect((await editor.delete(`/v1/submissions/${id}/images/${photo.id}`)).statusCode).toBe(409);
    expect(await actionsOf(id)).toEqual(['create', 'image_added', 'request_signoff']);
  });
});

describe('event dates past the stale limit', () => {
  it('are refused at create and in an edit with the rule’s message, and nothing is stored', async () => {
    const before = await t.services.db.selectFrom('items').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    // Stale at the end of 2024-05-19 (event date + 14 days); it is 2024-05-20.
    const stale = await editor.post('/v1/submissions', { ...draft, eventDate: '2024-05-05' });
    expect(stale.statusCode).toBe(422);
    expect(stale.json().error.code).toBe('event_date_stale');
    expect(stale.json().error.message).toContain('原则上两周前的信息将不予采用');
    const after = await t.services.db.selectFrom('items').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    // The last day still reportable is accepted.
    expect((await editor.post('/v1/submissions', { ...draft, eventDate: '2024-05-06' })).statusCode).toBe(201);

    const { id } = await createReadyDraft(editor, draft);
    const edited = await editor.patch(`/v1/submissions/${id}`, { eventDate: '2024-05-01' });
    expect(edited.statusCode).toBe(422);
    expect(edited.json().error.code).toBe('event_date_stale');
    expect((await editor.get(`/v1/submissions/${id}`)).json().eventDate).toBe('2024-05-18');
  });
});

describe('notification texts', () => {
  it('read as sentences: one full stop, whether or not the reason brings its own', () => {
    const context = { title: '标题', dueAt: new Date(), staleAt: new Date() };
    for (const [kind, template] of Object.entries(NOTIFICATION_TEMPLATES)) {
      for (const reason of ['请补充图片。', '请补充图片', '请核实！', null]) {
        const text = template.text({ ...context, reason });
        expect(text, kind).not.toMatch(/[。！？][。！？]|。。/);
        expect(text, kind).toMatch(/[。！？]$/);
      }
    }
    expect(NOTIFICATION_TEMPLATES.returned.text({ ...context, reason: '请补充图片。' })).toBe('《标题》被退回修改，原因：请补充图片。');
  });
});

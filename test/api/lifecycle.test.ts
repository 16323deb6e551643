import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../machines/actors.ts';
import { submissionMachine } from '../../machines/submission.machine.ts';
import { STATES, type SubmissionState } from '../../machines/submission.types.ts';
import { png } from '../support/images.ts';
import { callerFor, createReadyDraft, createUser, startTestApp, type Caller, type TestApp } from '../support/app.ts';
import { FIVE_GATES } from '../support/gates.ts';

const ORDOS = '150600';
const BAOTOU = '150200';
const START = '2024-05-20T10:00:00+08:00';

let t: TestApp;
let editor: Caller;
let approver: Caller;
let reviewer: Caller;
let reviewer2: Caller;
let manager: Caller;
let otherEditor: Caller;
let otherApprover: Caller;

const draft = {
  title: '鄂尔多斯市计生协开展优生优育进家庭活动',
  body: '5月18日，鄂尔多斯市计生协在康巴什区开展优生优育进家庭活动。（鄂尔多斯市计生协 张三 供稿）',
  eventDate: '2024-05-18',
  major: false,
  wechatUrl: 'https://mp.weixin.qq.com/s/example',
};

beforeAll(async () => {
  t = await startTestApp({ now: START });
  editor = await createUser(t.app, 'editor', ORDOS, '张三');
  approver = await createUser(t.app, 'approver', ORDOS, '王主任');
  reviewer = await createUser(t.app, 'reviewer', undefined, '自治区编辑甲');
  reviewer2 = await createUser(t.app, 'reviewer', undefined, '自治区编辑乙');
  manager = await createUser(t.app, 'manager');
  otherEditor = await createUser(t.app, 'editor', BAOTOU);
  otherApprover = await createUser(t.app, 'approver', BAOTOU);
});

afterAll(async () => {
  await t?.close();
});

// Every test starts at the same moment, whatever the one before it did to the clock.
beforeEach(() => {
  t.clock.set(START);
});

async function create(body: object = draft) {
  return (await createReadyDraft(editor, body as Record<string, unknown>)) as any;
}

const act = (caller: Caller, id: string, body: object, headers?: Record<string, string>) =>
  caller.post(`/v1/submissions/${id}/actions`, body, headers);

type Step = ['editor' | 'approver' | 'reviewer', Record<string, unknown>];
const REQUEST: Step = ['editor', { action: 'request_signoff' }];
const SIGN: Step = ['approver', { action: 'sign_off', signer: '王主任', gates: FIVE_GATES }];
const ADOPT: Step = ['reviewer', { action: 'adopt' }];
const FORWARD: Step = ['reviewer', { action: 'forward_national' }];
/** The API steps that take a new draft to each state (`expired` is the system's doing, below). */
const STEPS_TO: Record<SubmissionState, Step[]> = {
  draft: [],
  awaiting_signoff: [REQUEST],
  submitted: [REQUEST, SIGN],
  adopted: [REQUEST, SIGN, ADOPT],
  forwarded_national: [REQUEST, SIGN, ADOPT, FORWARD],
  rejected: [REQUEST, SIGN, ['reviewer', { action: 'reject', reason: '时效性不强' }]],
  national_adopted: [REQUEST, SIGN, ADOPT, FORWARD, ['reviewer', { action: 'record_national_adoption' }]],
  national_declined: [REQUEST, SIGN, ADOPT, FORWARD, ['reviewer', { action: 'record_national_decline' }]],
  withdrawn: [['editor', { action: 'withdraw' }]],
  expired: [],
};

/** Every item of a paged list, following `nextCursor` to the end. */
async function allPages(caller: Caller, url: string, limit = 50): Promise<Array<{ id: string; state: string }>> {
  const items: Array<{ id: string; state: string }> = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 100; pages += 1) {
    const separator = url.includes('?') ? '&' : '?';
    const response = await caller.get(`${url}${separator}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(response.statusCode).toBe(200);
    const page: { items: Array<{ id: string; state: string }>; nextCursor: string | null } = response.json();
    items.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) return items;
  }
  throw new Error(`${url}: more than 100 pages`);
}

/** A new item of this test's unit, brought to `state` through the API. */
async function itemIn(state: SubmissionState): Promise<string> {
  const item = await create();
  const callers = { editor, approver, reviewer };
  for (const [role, body] of STEPS_TO[state]) {
    const r = await act(callers[role], item.id, body);
    if (r.statusCode !== 200) throw new Error(`${body.action} on the way to ${state}: ${r.statusCode} ${r.body}`);
  }
  if (state === 'expired') {
    const expired = await t.services.commands.system(item.id, { type: 'expire', actor: SYSTEM_ACTOR, now: Date.parse(item.staleAt) + 1 });
    if (!expired) throw new Error('expire refused');
  }
  return item.id;
}

describe('the whole lifecycle through HTTP', () => {
  it('goes draft → sign-off → submitted → returned → resubmitted → adopted → national, with history', async () => {
    const item = await create();
    expect(item).toMatchObject({
      unitCode: ORDOS,
      unitName: '鄂尔多斯市',
      state: 'draft',
      version: 1,
      late: false,
      kind: 'news',
      allowedActions: ['request_signoff', 'withdraw'],
      // 2024-05-18 (Sat) + 5 working days = Fri 2024-05-24; + 14 days = 2024-06-01, end of day in Shanghai.
      dueAt: '2024-05-24T15:59:59.999Z',
      staleAt: '2024-06-01T15:59:59.999Z',
    });

    let r = await act(editor, item.id, { action: 'request_signoff' });
    expect(r.statusCode).toBe(200);
    expect(r.json().state).toBe('awaiting_signoff');

    r = await act(approver, item.id, { action: 'return', reason: '标题需修改' });
    expect(r.json().state).toBe('draft');

    r = await editor.patch(`/v1/submissions/${item.id}`, { title: '鄂尔多斯市计生协开展优生优育进家庭宣传活动' });
    expect(r.statusCode).toBe(200);
    expect(r.json().title).toBe('鄂尔多斯市计生协开展优生优育进家庭宣传活动');

    await act(editor, item.id, { action: 'request_signoff' });
    r = await act(approver, item.id, { action: 'sign_off', signer: '王主任', gates: FIVE_GATES });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ state: 'submitted', signer: '王主任' });
    expect(r.json().submittedAt).toBe('2024-05-20T02:00:00.000Z');

    r = await act(reviewer, item.id, { action: 'return_for_revision', reason: '请补充活动数据' });
    expect(r.json().state).toBe('draft');
    await act(editor, item.id, { action: 'request_signoff' });
    t.clock.set('2024-05-21T09:00:00+08:00');
    r = await act(approver, item.id, { action: 'sign_off', signer: '李副主任', gates: FIVE_GATES });
    expect(r.json()).toMatchObject({ state: 'submitted', signer: '李副主任' });

    r = await act(reviewer, item.id, { action: 'adopt' });
    expect(r.json().state).toBe('adopted');
    r = await act(reviewer, item.id, { action: 'forward_national' });
    expect(r.json().state).toBe('forwarded_national');
    r = await act(reviewer, item.id, { action: 'record_national_adoption' });
    expect(r.json()).toMatchObject({ state: 'national_adopted', allowedActions: [] });
    expect(r.json().nationalAdoptedAt).toBe('2024-05-21T01:00:00.000Z');

    // The edit survives the actions after it (they write only the machine's columns), and the
    // columns that queries use agree with the snapshot that commands read them back from.
    const stored = (await manager.get(`/v1/submissions/${item.id}`)).json();
    expect(stored).toMatchObject({ title: '鄂尔多斯市计生协开展优生优育进家庭宣传活动', body: draft.body, state: 'national_adopted', signer: '李副主任' });
    const { rows: [row] } = await t.services.pool.query(
      'SELECT title, body, state, signer, national_adopted_at, snapshot FROM items WHERE id = $1',
      [item.id],
    );
    expect(row).toMatchObject({ title: stored.title, body: draft.body, state: 'national_adopted', signer: '李副主任' });
    expect(row.snapshot).toMatchObject({ value: 'national_adopted', context: { signer: '李副主任', nationalAdoptedAt: row.national_adopted_at.getTime() } });

    const history = (await manager.get(`/v1/submissions/${item.id}/history`)).json();
    expect(history.map((h: { action: string }) => h.action)).toEqual([
      'create', 'image_added', 'request_signoff', 'return', 'edit', 'request_signoff', 'sign_off', 'return_for_revision',
      'request_signoff', 'sign_off', 'adopt', 'forward_national', 'record_national_adoption',
    ]);
    expect(history.map((h: { seq: number }) => h.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(history[3]).toMatchObject({ from: 'awaiting_signoff', to: 'draft', reason: '标题需修改', actor: { name: '王主任', role: 'approver' } });
    expect(history[6]).toMatchObject({ action: 'sign_off', signer: '王主任', from: 'awaiting_signoff', to: 'submitted', details: { gates: FIVE_GATES } });
    expect(history[9]).toMatchObject({ signer: '李副主任', at: '2024-05-21T01:00:00.000Z' });

    // Points: submitted once (not again after return for revision), adopted, adopted nationally.
    const { rows } = await t.services.pool.query(
      `SELECT topic, payload->>'kind' AS kind FROM outbox WHERE item_id = $1 AND topic = 'score' ORDER BY id`,
      [item.id],
    );
    expect(rows).toEqual([
      { topic: 'score', kind: 'submitted' },
      { topic: 'score', kind: 'adopted' },
      { topic: 'score', kind: 'national_adopted' },
    ]);
  });

  it('rejects and withdraws', async () => {
    const a = await create();
    await act(editor, a.id, { action: 'request_signoff' });
    await act(approver, a.id, { action: 'sign_off', signer: '王主任', gates: FIVE_GATES });
    const rejected = await act(reviewer, a.id, { action: 'reject', reason: '时效性不强' });
    expect(rejected.json()).toMatchObject({ state: 'rejected', allowedActions: [] });

    const b = await create();
    const withdrawn = await act(editor, b.id, { action: 'withdraw' });
    expect(withdrawn.json().state).toBe('withdrawn');
    const again = await act(editor, b.id, { action: 'request_signoff' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'invalid_transition', details: { state: 'withdrawn' } });
  });
});

describe('deadlines follow the event date', () => {
  it('moves due and stale dates when the event date or the major flag changes, and schedules them again', async () => {
    const item = await create();
    const moved = await editor.patch(`/v1/submissions/${item.id}`, { eventDate: '2024-05-13' });
    // Mon 2024-05-13 + 5 working days = Mon 2024-05-20; + 14 days = 2024-05-27 (Shanghai, end of day).
    expect(moved.json()).toMatchObject({ dueAt: '2024-05-20T15:59:59.999Z', staleAt: '2024-05-27T15:59:59.999Z' });
    const major = await editor.patch(`/v1/submissions/${item.id}`, { major: true });
    expect(major.json().dueAt).toBe('2024-05-16T15:59:59.999Z');
    const { rows } = await t.services.pool.query(
      `SELECT payload->>'dueAt' AS due FROM outbox WHERE item_id = $1 AND topic = 'deadlines' ORDER BY id`,
      [item.id],
    );
    expect(rows.map((r: { due: string }) => r.due)).toEqual(['2024-05-24T15:59:59.999Z', '2024-05-20T15:59:59.999Z', '2024-05-16T15:59:59.999Z']);
  });
});

describe('roles and scope', () => {
  it('hides another unit’s items behind 404 and holds each role to its actions', async () => {
    const item = await create();
    for (const caller of [otherEditor, otherApprover]) {
      expect((await caller.get(`/v1/submissions/${item.id}`)).statusCode).toBe(404);
      expect((await caller.get(`/v1/submissions/${item.id}/history`)).statusCode).toBe(404);
      const r = await act(caller, item.id, { action: 'withdraw' });
      expect(r.statusCode).toBe(404);
      expect(r.json().error.code).toBe('not_found');
    }
    expect((await otherEditor.patch(`/v1/submissions/${item.id}`, { title: 'x' })).statusCode).toBe(404);
    const list = (await otherEditor.get('/v1/submissions')).json();
    expect(list.items.every((i: { unitCode: string }) => i.unitCode === BAOTOU)).toBe(true);

    // A role that may never adopt: 403. The right role in the wrong state: 409.
    const forbidden = await act(editor, item.id, { action: 'adopt' });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error.code).toBe('forbidden');
    expect((await act(manager, item.id, { action: 'withdraw' })).statusCode).toBe(403);
    expect((await act(reviewer, item.id, { action: 'adopt' })).statusCode).toBe(409);
    // Approvers may not create or edit; managers read everything.
    expect((await approver.post('/v1/submissions', draft)).statusCode).toBe(403);
    expect((await manager.get(`/v1/submissions/${item.id}`)).json().allowedActions).toEqual([]);
  });

  it('answers 404 not_found on every per-item route to another unit’s editor and approver, naming nothing of the item', async () => {
    const title = '鄂尔多斯市计生协开展机密测试活动';
    const item = await create({ ...draft, title });
    const [photo] = (await editor.get(`/v1/submissions/${item.id}/images`)).json();
    const base = `/v1/submissions/${item.id}`;
    const photoUrl = `${base}/images/${photo.id}`;
    type Request = [string, (caller: Caller) => ReturnType<Caller['get']>];
    const reads: Request[] = [
      ['item', (c) => c.get(base)],
      ['history', (c) => c.get(`${base}/history`)],
      ['checks', (c) => c.get(`${base}/checks`)],
      ['images', (c) => c.get(`${base}/images`)],
      ['image file', (c) => c.get(photoUrl)],
    ];
    // Writes that the caller's role could make on its own unit's item (a role that never may is 403 anywhere).
    const editorWrites: Request[] = [
      ['edit', (c) => c.patch(base, { title: '包头市计生协改写的标题' })],
      ['withdraw', (c) => act(c, item.id, { action: 'withdraw' })],
      ['request sign-off', (c) => act(c, item.id, { action: 'request_signoff' })],
      ['upload', (c) => c.upload(`${base}/images`, png(1024, 768), 'x.png')],
      ['caption', (c) => c.patch(photoUrl, { caption: '改写' })],
      ['remove photo', (c) => c.delete(photoUrl)],
    ];
    const approverWrites: Request[] = [
      ['sign off', (c) => act(c, item.id, { action: 'sign_off', signer: '包头市领导', gates: FIVE_GATES })],
      ['return', (c) => act(c, item.id, { action: 'return', reason: '退回' })],
    ];
    for (const [caller, requests] of [[otherEditor, [...reads, ...editorWrites]], [otherApprover, [...reads, ...approverWrites]]] as const) {
      for (const [name, request] of requests) {
        const r = await request(caller);
        expect(r.statusCode, name).toBe(404);
        expect(r.json().error.code, name).toBe('not_found');
        expect(r.body, name).not.toContain(title);
        expect(r.body, name).not.toContain(photo.caption);
      }
    }
    // Nothing changed.
    expect((await editor.get(base)).json()).toMatchObject({ title, state: 'draft', version: item.version + 1 });
    expect((await editor.get(`${base}/images`)).json()).toEqual([photo]);
    expect((await editor.get(`${base}/history`)).json().map((h: { action: string }) => h.action)).toEqual(['create', 'image_added']);
  });

  it('answers 401 without a valid token', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/v1/units' })).statusCode).toBe(401);
    const r = await callerFor(t.app, 'nmg_not-a-token').get('/v1/units');
    expect(r.statusCode).toBe(401);
    expect(r.json().error.code).toBe('unauthenticated');
  });

  it('lets an admin list users, rotate a token and disable a user', async () => {
    const admin = callerFor(t.app, 'test-bootstrap-admin-token-0123456789');
    const someone = await createUser(t.app, 'editor', ORDOS, '王五');
    const users = (await admin.get('/v1/users')).json();
    expect(users.find((u: { id: string }) => u.id === someone.id)).toMatchObject({ name: '王五', role: 'editor', unitCode: ORDOS, disabled: false });
    expect((await editor.get('/v1/users')).statusCode).toBe(403);

    const rotated = await admin.post(`/v1/users/${someone.id}/token`);
    expect(rotated.statusCode).toBe(201);
    expect((await someone.get('/v1/units')).statusCode).toBe(401);
    const renewed = callerFor(t.app, rotated.json().token);
    expect((await renewed.get('/v1/units')).statusCode).toBe(200);

    expect((await admin.post(`/v1/users/${someone.id}/disable`)).statusCode).toBe(204);
    expect((await renewed.get('/v1/units')).statusCode).toBe(401);
    expect((await admin.post(`/v1/users/${someone.id}/disable`)).statusCode).toBe(404);
    expect((await admin.post('/v1/users/00000000-0000-4000-8000-000000000000/token')).statusCode).toBe(404);
  });

  it('publishes the OpenAPI document and the docs page', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of ['/v1/submissions', '/v1/submissions/{id}/actions', '/v1/tasks', '/v1/reports/bulletin', '/v1/import/submissions', '/v1/submissions/{id}/images']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect(doc.paths['/v1/submissions/{id}/actions'].post.requestBody.content['application/json'].schema.properties.action.enum).toContain('sign_off');
    expect((await t.app.inject({ method: 'GET', url: '/docs/' })).statusCode).toBe(200);
  });

  it('lists the 14 units', async () => {
    const units = (await editor.get('/v1/units')).json();
    expect(units).toHaveLength(14);
    expect(units[0]).toEqual({ code: '150100', name: '呼和浩特市', kind: 'league' });
    expect(units.filter((u: { kind: string }) => u.kind === 'planned_city').map((u: { name: string }) => u.name)).toEqual([
      '满洲里市',
      '二连浩特市',
    ]);
  });
});

describe('the photo count in the quality gate', () => {
  const images = (id: string) => `/v1/submissions/${id}/images`;
  const photoCountFinding = (findings: Array<{ code: string; severity: string }>) => findings.filter((f) => f.code === 'images_count');

  it('refuses request_signoff on a draft without photos, naming images_count, and lets it through with one', async () => {
    const created = await editor.post('/v1/submissions', draft);
    const { id } = created.json();
    const refused = await act(editor, id, { action: 'request_signoff' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('quality_check_failed');
    // The photo count is the only fault of this otherwise correct draft.
    expect(refused.json().error.details).toEqual([
      { code: 'images_count', severity: 'error', field: 'images', message: '请至少上传1张反映信息内容的图片。' },
    ]);
    expect(photoCountFinding((await editor.get(`/v1/submissions/${id}/checks`)).json().results)).toHaveLength(1);
    expect((await editor.get(`/v1/submissions/${id}`)).json()).toMatchObject({ state: 'draft', version: 1 });

    expect((await editor.upload(images(id), png(1024, 768), 'photo.png', { caption: '活动现场' })).statusCode).toBe(201);
    const accepted = await act(editor, id, { action: 'request_signoff' });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().state).toBe('awaiting_signoff');
  });

  it('never lets a draft carry a fourth photo, even four uploads at once, and passes the gate with three', async () => {
    const { id } = (await editor.post('/v1/submissions', draft)).json();
    const uploads = await Promise.all(
      [1, 2, 3, 4].map((n) => editor.upload(images(id), png(1024, 768), `${n}.png`, { caption: `现场${n}` })),
    );
    expect(uploads.map((r) => r.statusCode).sort()).toEqual([201, 201, 201, 409]);
    expect(uploads.find((r) => r.statusCode === 409)!.json().error.code).toBe('too_many_images');
    const fourth = await editor.upload(images(id), png(1024, 768), '5.png');
    expect(fourth.statusCode).toBe(409);
    expect(fourth.json().error.code).toBe('too_many_images');
    expect((await editor.get(images(id))).json().map((p: { position: number }) => p.position)).toEqual([1, 2, 3]);

    expect(photoCountFinding((await editor.get(`/v1/submissions/${id}/checks`)).json().results)).toEqual([]);
    expect((await act(editor, id, { action: 'request_signoff' })).statusCode).toBe(200);
  });
});

describe('bad input', () => {
  it('gives 400 validation_failed with details, never 500', async () => {
    const cases: Array<[string, () => Promise<{ statusCode: number; json(): any }>]> = [
      ['missing title', () => editor.post('/v1/submissions', { ...draft, title: undefined })],
      ['bad date', () => editor.post('/v1/submissions', { ...draft, eventDate: '2024-02-30' })],
      ['bad kind', () => editor.post('/v1/submissions', { ...draft, kind: 'opinion' })],
      ['bad id', () => editor.get('/v1/submissions/not-a-uuid')],
      ['unknown action', async () => act(editor, '00000000-0000-4000-8000-000000000000', { action: 'publish' })],
      ['return without reason', async () => act(approver, '00000000-0000-4000-8000-000000000000', { action: 'return' })],
      ['sign_off without signer', async () => act(approver, '00000000-0000-4000-8000-000000000000', { action: 'sign_off' })],
      ['bad limit', () => editor.get('/v1/submissions?limit=0')],
      ['editor without unit', () => callerFor(t.app, 'test-bootstrap-admin-token-0123456789').post('/v1/users', { name: 'x', role: 'editor' })],
      ['unknown unit', () => callerFor(t.app, 'test-bootstrap-admin-token-0123456789').post('/v1/users', { name: 'x', role: 'editor', unitCode: '999999' })],
    ];
    for (const [name, call] of cases) {
      const r = await call();
      expect(r.statusCode, name).toBe(400);
      expect(r.json().error.code, name).toBe('validation_failed');
    }
    const notJson = await t.app.inject({
      method: 'POST',
      url: '/v1/submissions',
      headers: { authorization: `Bearer ${editor.token}`, 'content-type': 'application/json' },
      payload: '{"title":',
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error.code).toBe('validation_failed');
    const missing = await act(reviewer, '00000000-0000-4000-8000-000000000000', { action: 'adopt' });
    expect(missing.statusCode).toBe(404);
  });
});

describe('concurrency and idempotency', () => {
  it('performs one transition for an Idempotency-Key sent twice and returns the same answer', async () => {
    const item = await create();
    const headers = { 'idempotency-key': 'req-123' };
    const first = await act(editor, item.id, { action: 'request_signoff' }, headers);
    const second = await act(editor, item.id, { action: 'request_signoff' }, headers);
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual(first.json());
    const history = (await editor.get(`/v1/submissions/${item.id}/history`)).json();
    expect(history.map((h: { action: string }) => h.action)).toEqual(['create', 'image_added', 'request_signoff']);
    // The same key for another request is refused, not replayed.
    const reused = await act(editor, item.id, { action: 'withdraw' }, headers);
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error.code).toBe('idempotency_key_reused');
  });

  it('creates once per Idempotency-Key', async () => {
    const headers = { 'idempotency-key': 'create-1' };
    const [a, b] = await Promise.all([editor.post('/v1/submissions', draft, headers), editor.post('/v1/submissions', draft, headers)]);
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(a.json().id).toBe(b.json().id);
  });

  it('lets exactly one of twenty concurrent conflicting actions win', async () => {
    const item = await create();
    await act(editor, item.id, { action: 'request_signoff' });
    await act(approver, item.id, { action: 'sign_off', signer: '王主任', gates: FIVE_GATES });
    const actions = ['adopt', 'reject', 'return_for_revision'];
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => act(reviewer, item.id, { action: actions[i % 3], reason: '并发测试' })),
    );
    const codes = responses.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(19);
    for (const r of responses.filter((x) => x.statusCode === 409)) {
      expect(['version_conflict', 'invalid_transition']).toContain(r.json().error.code);
    }
    const history = (await reviewer.get(`/v1/submissions/${item.id}/history`)).json();
    expect(history).toHaveLength(5);
  });

  it('honours If-Match with 412 and returns an ETag', async () => {
    const item = await create();
    const got = await editor.get(`/v1/submissions/${item.id}`);
    // Version 2: the photo's upload is a step of its own.
    expect(got.headers.etag).toBe('"2"');
    const stale = await editor.patch(`/v1/submissions/${item.id}`, { body: '新正文' }, { 'if-match': '"7"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error.code).toBe('precondition_failed');
    const ok = await editor.patch(`/v1/submissions/${item.id}`, { body: '新正文（鄂尔多斯市计生协 张三 供稿）' }, { 'if-match': '"2"' });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe('"3"');
    const action = await act(editor, item.id, { action: 'request_signoff' }, { 'if-match': '"2"' });
    expect(action.statusCode).toBe(412);
  });
});

describe('tasks and claims', () => {
  it('shows each role its queue, soonest deadline first, and keeps a claim with its claimer', async () => {
    t.clock.set('2024-05-22T10:00:00+08:00');
    const later = await create({ ...draft, eventDate: '2024-05-21' });
    const sooner = await create({ ...draft, eventDate: '2024-05-15' });
    for (const item of [later, sooner]) {
      await act(editor, item.id, { action: 'request_signoff' });
    }
    const approverTasks = (await approver.get('/v1/tasks')).json().items.map((i: { id: string }) => i.id);
    expect(approverTasks.indexOf(sooner.id)).toBeLessThan(approverTasks.indexOf(later.id));
    expect((await otherApprover.get('/v1/tasks')).json().items).toEqual([]);

    for (const item of [later, sooner]) await act(approver, item.id, { action: 'sign_off', signer: '王主任', gates: FIVE_GATES });
    const ids = (caller: Caller) => caller.get('/v1/tasks?limit=200').then((r) => r.json().items.map((i: { id: string }) => i.id));
    expect(await ids(reviewer)).toEqual(expect.arrayContaining([sooner.id, later.id]));

    const claim = await reviewer.post(`/v1/tasks/${sooner.id}/claim`);
    expect(claim.statusCode).toBe(200);
    expect(claim.json().claimedBy).toBe(reviewer.id);
    const reviewerName = '自治区编辑甲';
    expect(claim.json().claimedByName).toBe(reviewerName);
    // Everyone who may see the item sees who holds it, by name.
    expect((await editor.get(`/v1/submissions/${sooner.id}`)).json()).toMatchObject({ claimedBy: reviewer.id, claimedByName: reviewerName });
    expect(await ids(reviewer)).toContain(sooner.id);
    expect(await ids(reviewer2)).not.toContain(sooner.id);

    const stolen = await reviewer2.post(`/v1/tasks/${sooner.id}/claim`);
    expect(stolen.statusCode).toBe(409);
    expect(stolen.json().error.code).toBe('claimed_by_other');
    expect(stolen.json().error.details).toMatchObject({ claimedBy: reviewer.id, claimedByName: reviewerName });
    expect(stolen.json().error.message).toContain(reviewerName);
    const blocked = await act(reviewer2, sooner.id, { action: 'adopt' });
    expect(blocked.statusCode).toBe(409);
    expect((await editor.post(`/v1/tasks/${sooner.id}/claim`)).statusCode).toBe(403);

    expect((await reviewer.post(`/v1/tasks/${sooner.id}/unclaim`)).json()).toMatchObject({ claimedBy: null, claimedByName: null });
    expect(await ids(reviewer2)).toContain(sooner.id);
  });

  it('keeps in the reviewers’ queue exactly the states in which the machine lets a reviewer claim the item', async () => {
    // Read from the transitions, not from the 'queue:reviewer' tag the queue is built from: a reviewer's task is what a reviewer may claim.
    const queueStates = STATES.filter((state) => submissionMachine.states[state].ownEvents.includes('claim'));
    expect(queueStates).toEqual(expect.arrayContaining(['submitted', 'forwarded_national']));
    const items = await Promise.all(STATES.map(async (state) => ({ state, id: await itemIn(state) })));
    for (const reader of [reviewer, reviewer2]) {
      const queued = new Set((await allPages(reader, '/v1/tasks')).map((i) => i.id));
      const inQueue = items.filter(({ id }) => queued.has(id)).map(({ state }) => state);
      expect(inQueue).toEqual(queueStates);
    }
  });

  it('pages through lists with a cursor', async () => {
    const mine = new Set<string>();
    for (let i = 0; i < 7; i += 1) mine.add((await create()).id);
    const adopted = await itemIn('national_adopted');
    const seen = (await allPages(editor, '/v1/submissions', 3)).map((i) => i.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining([...mine, adopted]));
    const total = await t.services.pool.query(`SELECT count(*)::int AS n FROM items WHERE unit_code = $1`, [ORDOS]);
    expect(seen.length).toBe(total.rows[0].n);

    const filtered = await allPages(reviewer, '/v1/submissions?state=national_adopted', 3);
    expect(filtered.map((i) => i.id)).toContain(adopted);
    expect(filtered.every((i) => i.state === 'national_adopted')).toBe(true);
  });
});

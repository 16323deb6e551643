import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReadyDraft, createUser, eventually, startTestApp, type Caller, type TestApp } from '../support/app.ts';
import { FIVE_GATES } from '../support/gates.ts';

const UNIT = '150600';
const draft = { title: '鄂尔多斯市计生协开展优生优育进家庭活动', body: '活动内容。（鄂尔多斯市计生协 张三 供稿）', eventDate: '2024-05-18' };

describe('comment notices through the outbox, relay and notification worker', () => {
  let t: TestApp;
  let editor: Caller;
  let approver: Caller;
  let reviewer: Caller;

  beforeAll(async () => {
    t = await startTestApp({ queue: { backend: 'postgres' }, workers: true, now: '2024-05-20T10:00:00+08:00' });
    editor = await createUser(t.app, 'editor', UNIT, '张三');
    approver = await createUser(t.app, 'approver', UNIT, '王主任');
    reviewer = await createUser(t.app, 'reviewer', undefined, '赵编辑');
  });
  afterAll(async () => {
    await t?.close();
  });

  const notices = async (who: Caller, kind: string) =>
    ((await who.get('/v1/notifications')).json().items as Array<{ kind: string; message: string }>).filter((n) => n.kind === kind);

  it('reaches the unit’s people from the region, and the claiming reviewer from the unit, as other notices do', async () => {
    const { id } = await createReadyDraft(editor, draft);
    await editor.post(`/v1/submissions/${id}/actions`, { action: 'request_signoff' });
    await approver.post(`/v1/submissions/${id}/actions`, { action: 'sign_off', signer: '王主任', gates: FIVE_GATES });
    await reviewer.post(`/v1/tasks/${id}/claim`);

    await reviewer.post(`/v1/submissions/${id}/comments`, { text: '请补充活动人数' });
    const toEditor = await eventually(async () => (await notices(editor, 'comment_from_region'))[0], 15_000, 'the editor’s notice');
    expect(toEditor.message).toBe(`自治区计生协对《${draft.title}》批注：请补充活动人数。`);

    await editor.post(`/v1/submissions/${id}/comments`, { text: '约200人。' });
    const toReviewer = await eventually(async () => (await notices(reviewer, 'comment_from_unit'))[0], 15_000, 'the reviewer’s notice');
    expect(toReviewer.message).toBe(`报送单位对《${draft.title}》批注：约200人。`);
    // Each outbox row is done once its notices are stored.
    await eventually(async () => {
      const open = await t.services.db.selectFrom('outbox').select('id').where('item_id', '=', id).where('topic', '=', 'notify').where('done_at', 'is', null).execute();
      return open.length === 0;
    }, 15_000, 'the outbox rows done');
  });
});

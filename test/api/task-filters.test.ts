import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sweeper } from '../../workers/sweeper.ts';
import { createReadyDraft, createUser, startTestApp, type Caller, type TestApp } from '../support/app.ts';

let t: TestApp;
let reviewer: Caller;
let editor: Caller;
const idOf: Record<string, string> = {};

const GATES = { political: true, policy: true, secrecy: true, wording: true, standards: true };

/** Sends a ready draft through sign-off, so that it waits for a reviewer. */
async function submitted(unit: string, name: string, title: string) {
  const unitEditor = unit === '150600' ? editor : await createUser(t.app, 'editor', unit);
  const approver = await createUser(t.app, 'approver', unit);
  const item = await createReadyDraft(unitEditor, { title, body: `活动内容。（${title.slice(0, title.indexOf('计生协') + 3)} 张三 供稿）`, eventDate: '2024-05-18' });
  expect((await unitEditor.post(`/v1/submissions/${item.id}/actions`, { action: 'request_signoff' })).statusCode).toBe(200);
  return async () => {
    const signed = await approver.post(`/v1/submissions/${item.id}/actions`, { action: 'sign_off', signer: '王主任', gates: GATES });
    expect(signed.statusCode, signed.body).toBe(200);
    idOf[name] = item.id;
  };
}

beforeAll(async () => {
  t = await startTestApp({ now: '2024-05-20T10:00:00+08:00' });
  reviewer = await createUser(t.app, 'reviewer');
  editor = await createUser(t.app, 'editor', '150600');
  await (await submitted('150600', 'ordos', '鄂尔多斯市计生协开展活动'))();
  await (await submitted('150100', 'hohhot', '呼和浩特市计生协举办讲座'))();
  // Due at the end of 2024-05-24: signed off a day later, after the sweeper flagged it late.
  const signLate = await submitted('150600', 'lateOrdos', '鄂尔多斯市计生协召开会议');
  t.clock.set('2024-05-25T10:00:00+08:00');
  const reminders = { staleReminderDays: 3, signoffReminderWorkdays: 2 };
  expect((await new Sweeper(t.services.db, t.services.commands, t.services.calendar, reminders, t.clock.read).sweep()).markedLate).toBe(1);
  await signLate();
  idOf.draft = (await editor.post('/v1/submissions', { title: '鄂尔多斯市计生协草稿', eventDate: '2024-05-24' })).json().id;
});
afterAll(async () => {
  await t?.close();
});

async function tasks(caller: Caller, query: string) {
  const response = await caller.get(`/v1/tasks?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return (response.json().items as Array<{ id: string }>).map((i) => Object.entries(idOf).find(([, id]) => id === i.id)?.[0]).sort();
}

/** `unitCode`, `state` and `late` on GET /v1/tasks narrow the caller's queue; they never widen it. */
describe('task filters', () => {
  it('without filters: the whole queue', async () => {
    expect(await tasks(reviewer, '')).toEqual(['hohhot', 'lateOrdos', 'ordos']);
  });

  it('by unit', async () => {
    expect(await tasks(reviewer, 'unitCode=150600')).toEqual(['lateOrdos', 'ordos']);
    expect(await tasks(reviewer, 'unitCode=150100')).toEqual(['hohhot']);
    expect(await tasks(reviewer, 'unitCode=150300')).toEqual([]);
  });

  it('by lateness, with the unit too', async () => {
    expect(await tasks(reviewer, 'late=true')).toEqual(['lateOrdos']);
    expect(await tasks(reviewer, 'late=false')).toEqual(['hohhot', 'ordos']);
    expect(await tasks(reviewer, 'late=false&unitCode=150600')).toEqual(['ordos']);
  });

  it('by state, within the queue only', async () => {
    expect(await tasks(reviewer, 'state=submitted')).toEqual(['hohhot', 'lateOrdos', 'ordos']);
    expect(await tasks(reviewer, 'state=forwarded_national')).toEqual([]);
    expect(await tasks(reviewer, 'state=draft')).toEqual([]);
    expect(await tasks(editor, 'state=draft')).toEqual(['draft']);
    expect(await tasks(editor, 'state=submitted')).toEqual([]);
  });

  it('a unit person asking for another unit gets nothing, not that unit', async () => {
    expect(await tasks(editor, 'unitCode=150600')).toEqual(['draft']);
    expect(await tasks(editor, 'unitCode=150100')).toEqual([]);
  });

  it('refuses values it does not know with the usual 400', async () => {
    for (const query of ['late=yes', 'state=published', 'unitCode=' + 'x'.repeat(21)]) {
      const response = await reviewer.get(`/v1/tasks?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
    }
  });
});

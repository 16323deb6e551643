import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../machines/actors.ts';
import { CommissionCommands } from '../../src/services/commission-commands.ts';
import { scoreAnswerOnTime } from '../../src/services/commission-rules.ts';
import { createUser, startTestApp, type Caller, type TestApp } from '../support/app.ts';

const ORDOS = '150600';
const BAOTOU = '150200';

let t: TestApp;
let admin: Caller;
let reviewer: Caller;
let ordosEditor: Caller;
let commands: CommissionCommands;

beforeAll(async () => {
  // Monday 2024-05-20, 10:00 in Shanghai.
  t = await startTestApp();
  admin = await createUser(t.app, 'admin');
  reviewer = await createUser(t.app, 'reviewer');
  ordosEditor = await createUser(t.app, 'editor', ORDOS);
  commands = new CommissionCommands(t.services);
});
afterAll(async () => {
  await t?.close();
});

const issue = async (dueDate = '2024-05-31') =>
  (await reviewer.post('/v1/commissions', { title: '约稿：基层服务', requirements: '请报送做法和成效', kind: 'news', unitCodes: [ORDOS, BAOTOU], dueDate })).json();
const newItem = async () => (await ordosEditor.post('/v1/submissions', { title: '鄂尔多斯市计生协回复约稿', eventDate: '2024-05-18' })).json().id as string;
const answer = (commissionId: string, itemId: string, unitCode = ORDOS) =>
  commands.system(commissionId, unitCode, { type: 'answer', actor: SYSTEM_ACTOR, now: t.clock.now, itemId });
const ledger = () =>
  t.services.db.selectFrom('score_entries').select(['item_id', 'unit_code', 'points', 'occurred_on']).where('kind', '=', 'commission_answered').orderBy('id').execute();

describe('commission rules per year', () => {
  it('2024 has its own rules at 0; a later year inherits them; only an admin sets them, with bounds', async () => {
    expect((await reviewer.get('/v1/commission-rules/2024')).json()).toEqual({ year: 2024, answeredOnTime: 0, missPenalty: 0, inheritedFrom: null });
    expect((await reviewer.get('/v1/commission-rules/2026')).json()).toMatchObject({ answeredOnTime: 0, inheritedFrom: 2024 });
    expect((await reviewer.put('/v1/commission-rules/2025', { answeredOnTime: 2, missPenalty: 1 })).statusCode).toBe(403);
    const bad = await admin.put('/v1/commission-rules/2025', { answeredOnTime: -1, missPenalty: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
    expect((await reviewer.get('/v1/commission-rules/2025')).json().inheritedFrom).toBe(2024);
  });

  it('an answer on time enters the ledger once, priced by its year; a change of rules re-prices it; the score table is unchanged', async () => {
    const scoresBefore = (await reviewer.get('/v1/reports/scores?year=2024')).json();
    const commission = await issue();
    const itemId = await newItem();
    expect(await answer(commission.id, itemId)).toBe(true);
    expect(await ledger()).toEqual([{ item_id: itemId, unit_code: ORDOS, points: 0, occurred_on: '2024-05-20' }]);
    // A replay of the same assignment event adds nothing.
    const seq = (await t.services.db.selectFrom('assignments').select('version').where('commission_id', '=', commission.id).where('unit_code', '=', ORDOS).executeTakeFirstOrThrow()).version;
    await t.services.db.transaction().execute((tx) => scoreAnswerOnTime(tx, { itemId, assignmentSeq: seq, unitCode: ORDOS, at: t.clock.now }));
    expect(await answer(commission.id, itemId)).toBe(false);
    expect((await ledger()).length).toBe(1);

    const set = await admin.put('/v1/commission-rules/2024', { answeredOnTime: 3, missPenalty: 2 });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({ year: 2024, answeredOnTime: 3, missPenalty: 2, inheritedFrom: null });
    expect((await ledger()).map((e) => e.points)).toEqual([3]);

    // Setting the scoring rules re-prices items' entries only, not answers.
    expect((await admin.put('/v1/scoring-rules/2024', { submitted: 3, adopted: 6, nationalAdopted: 10 })).statusCode).toBe(200);
    expect((await ledger()).map((e) => e.points)).toEqual([3]);
    expect((await reviewer.get('/v1/reports/scores?year=2024')).json()).toEqual(scoresBefore);

    // A new answer on time is priced by the rules as they are now.
    const second = await issue();
    const secondItem = await newItem();
    await answer(second.id, secondItem);
    expect((await ledger()).map((e) => e.points)).toEqual([3, 3]);
    await admin.put('/v1/commission-rules/2024', { answeredOnTime: 0, missPenalty: 0 });
    expect((await ledger()).map((e) => e.points)).toEqual([0, 0]);
  });

  it('a late answer (after a miss) earns nothing', async () => {
    const commission = await issue('2024-05-21');
    const before = (await ledger()).length;
    t.clock.set('2024-05-22T02:00:00Z');
    try {
      expect(await commands.missOverdue(commission.id)).toBe(2);
      const itemId = await newItem();
      expect(await answer(commission.id, itemId)).toBe(true);
      const row = await t.services.db.selectFrom('assignments').select(['state', 'late']).where('commission_id', '=', commission.id).where('unit_code', '=', ORDOS).executeTakeFirstOrThrow();
      expect(row).toEqual({ state: 'answered', late: true });
      expect((await ledger()).length).toBe(before);
    } finally {
      t.clock.set('2024-05-20T02:00:00Z');
    }
  });
});

describe('without any rules', () => {
  it('a year’s rules are not found, in Chinese', async () => {
    await t.services.db.deleteFrom('commission_rules').execute();
    const response = await reviewer.get('/v1/commission-rules/2024');
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toMatchObject({ code: 'not_found', message: '找不到该年度的约稿规则' });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../machines/actors.ts';
import { CommissionCommands } from '../../src/services/commission-commands.ts';
import { createUser, startTestApp, type Caller, type TestApp } from '../support/app.ts';

const HOHHOT = '150100';
const BAOTOU = '150200';
const WUHAI = '150300';
const ORDOS = '150600';

let t: TestApp;
let admin: Caller;
let reviewer: Caller;
let ordosEditor: Caller;
let baotouApprover: Caller;
let commands: CommissionCommands;

type Row = { unitCode: string; addressed: number; answeredOnTime: number; answeredLate: number; fulfilled: number; declined: number; missed: number; points: number };
const rowOf = (rows: Row[], unitCode: string) => rows.find((r) => r.unitCode === unitCode)!;

beforeAll(async () => {
  // Monday 2024-05-20, 10:00 in Shanghai.
  t = await startTestApp();
  admin = await createUser(t.app, 'admin');
  reviewer = await createUser(t.app, 'reviewer');
  ordosEditor = await createUser(t.app, 'editor', ORDOS);
  baotouApprover = await createUser(t.app, 'approver', BAOTOU);
  commands = new CommissionCommands(t.services);

  const issue = async (dueDate: string, unitCodes: string[]) =>
    (await reviewer.post('/v1/commissions', { title: '约稿：基层服务', requirements: '请报送做法和成效', kind: 'news', unitCodes, dueDate })).json().id as string;
  const item = async () => (await ordosEditor.post('/v1/submissions', { title: '回复约稿', eventDate: '2024-05-18' })).json().id as string;
  const system = (id: string, unitCode: string, type: 'answer' | 'fulfil', itemId: string) => commands.system(id, unitCode, { type, actor: SYSTEM_ACTOR, now: t.clock.now, itemId });

  await admin.put('/v1/commission-rules/2024', { answeredOnTime: 2, missPenalty: 1 });
  // First commission: Ordos answers on time and is adopted; Baotou's decline is accepted; Hohhot misses, Wuhai answers late.
  const first = await issue('2024-05-21', [HOHHOT, BAOTOU, WUHAI, ORDOS]);
  const ordosItem = await item();
  await system(first, ORDOS, 'answer', ordosItem);
  await system(first, ORDOS, 'fulfil', ordosItem);
  await baotouApprover.post(`/v1/commissions/${first}/assignments/${BAOTOU}/actions`, { action: 'decline', reason: '本地暂无相关工作' });
  await reviewer.post(`/v1/commissions/${first}/assignments/${BAOTOU}/actions`, { action: 'accept_decline' });
  // Second: Ordos answers on time; Hohhot misses.
  const second = await issue('2024-05-21', [HOHHOT, ORDOS]);
  await system(second, ORDOS, 'answer', await item());
  // Cancelled: counted nowhere.
  const cancelled = await issue('2024-05-31', [HOHHOT, WUHAI]);
  await reviewer.post(`/v1/commissions/${cancelled}/actions`, { action: 'cancel' });

  t.clock.set('2024-05-22T02:00:00Z');
  await commands.missOverdue();
  await system(first, WUHAI, 'answer', await item());
});
afterAll(async () => {
  await t?.close();
});

describe('the commissions report', () => {
  it('counts per unit, lists all 14 units ordered by misses, then answers, then code; points are the ledger’s less the penalty', async () => {
    const response = await reviewer.get('/v1/reports/commissions?from=2024-05-01&to=2024-05-31');
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    expect(report.rules).toEqual({ answeredOnTime: 2, missPenalty: 1 });
    expect(report.rows.length).toBe(14);
    expect(rowOf(report.rows, ORDOS)).toMatchObject({ addressed: 2, answeredOnTime: 2, answeredLate: 0, fulfilled: 1, declined: 0, missed: 0, points: 4 });
    expect(rowOf(report.rows, BAOTOU)).toMatchObject({ addressed: 1, answeredOnTime: 0, declined: 1, missed: 0, points: 0 });
    expect(rowOf(report.rows, WUHAI)).toMatchObject({ addressed: 1, answeredOnTime: 0, answeredLate: 1, missed: 1, points: -1 });
    expect(rowOf(report.rows, HOHHOT)).toMatchObject({ addressed: 2, answeredOnTime: 0, answeredLate: 0, missed: 2, points: -2 });
    const codes = report.rows.map((r: Row) => r.unitCode);
    expect(codes[0]).toBe(ORDOS);
    expect(codes.slice(-2)).toEqual([WUHAI, HOHHOT]);
    // Units with nothing: ordered by code among themselves, after Ordos (answers) and before the misses.
    expect(codes.slice(1, 12)).toEqual([...codes.slice(1, 12)].sort());
  });

  it('counts nothing outside the period, and defaults to the year', async () => {
    const june = (await reviewer.get('/v1/reports/commissions?from=2024-06-01&to=2024-06-30')).json();
    expect(june.rows.every((r: Row) => r.addressed === 0 && r.points === 0)).toBe(true);
    const year = (await reviewer.get('/v1/reports/commissions?year=2024')).json();
    expect(year).toMatchObject({ from: '2024-01-01', to: '2024-12-31' });
    expect(rowOf(year.rows, ORDOS).addressed).toBe(2);
  });

  it('a unit’s people read their own row only', async () => {
    const ours = (await ordosEditor.get('/v1/reports/commissions?year=2024')).json();
    expect(ours.rows.map((r: Row) => r.unitCode)).toEqual([ORDOS]);
  });

  it('answers csv and xlsx files with the association’s columns', async () => {
    const csv = await reviewer.get('/v1/reports/commissions?from=2024-05-01&to=2024-05-31&format=csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('单位,约稿数,按时回复,逾期回复,采用,免于回复,未按期回复,得分');
    expect(csv.body.split('\n')[1]).toBe('鄂尔多斯市,2,2,0,1,0,0,4');
    const xlsx = await reviewer.get('/v1/reports/commissions?year=2024&format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('the bulletin of a period with commissions says how they were answered; one without says nothing of them', async () => {
    const q2 = (await reviewer.get('/v1/reports/bulletin?year=2024&quarter=2')).json();
    expect(q2.text).toContain('本期自治区计生协共发出约稿2次，应回复6家次，按时回复2家次，逾期回复1家次；未按期回复的是：呼和浩特市（2次）、乌海市（1次）。');
    const q1 = (await reviewer.get('/v1/reports/bulletin?year=2024&quarter=1')).json();
    expect(q1.text).not.toContain('约稿');
  });

  it('refuses a bad period with a clear 400', async () => {
    for (const query of ['from=2024-05-31&to=2024-05-01', 'from=2024-05-01', 'year=2024&from=2024-05-01&to=2024-05-31', 'year=1900', 'format=pdf']) {
      const response = await reviewer.get(`/v1/reports/commissions?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
    }
  });
});

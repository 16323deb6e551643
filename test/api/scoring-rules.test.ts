import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP_TOKEN, callerFor, createReadyDraft, createUser, eventually, startTestApp, type Caller, type TestApp } from '../support/app.ts';
import { FIVE_GATES } from '../support/gates.ts';

const UNIT = '150600';

/**
 * A change of rules re-prices every year that the rules govern, including the years that inherit
 * them, so that a report's totals always equal the rules it prints.
 */
describe('scoring rules and the ledger they price', () => {
  let t: TestApp;
  let editor: Caller;
  let approver: Caller;
  let reviewer: Caller;
  let admin: Caller;

  beforeAll(async () => {
    t = await startTestApp({ queue: { backend: 'postgres' }, workers: true, now: '2026-03-10T10:00:00+08:00', env: { SWEEP_INTERVAL_MS: '3600000' } });
    editor = await createUser(t.app, 'editor', UNIT, '张三');
    approver = await createUser(t.app, 'approver', UNIT, '王主任');
    reviewer = await createUser(t.app, 'reviewer');
    admin = callerFor(t.app, BOOTSTRAP_TOKEN);
  });
  afterAll(async () => {
    await t?.close();
  });

  const act = async (caller: Caller, id: string, body: object) => {
    const response = await caller.post(`/v1/submissions/${id}/actions`, body);
    expect(response.statusCode, response.body).toBe(200);
  };

  /** An item of 2026 submitted and adopted: two ledger entries, priced by the rules 2026 inherits. */
  async function adoptedItem(): Promise<string> {
    const { id } = await createReadyDraft(editor, {
      title: '鄂尔多斯市计生协开展优生优育进家庭活动',
      body: '活动内容。（鄂尔多斯市计生协 张三 供稿）',
      eventDate: '2026-03-09',
    });
    await act(editor, id, { action: 'request_signoff' });
    await act(approver, id, { action: 'sign_off', signer: '王主任', gates: FIVE_GATES });
    await act(reviewer, id, { action: 'adopt' });
    await eventually(async () => {
      const rows = await t.services.db.selectFrom('score_entries').select('id').where('item_id', '=', id).execute();
      return rows.length === 2;
    }, 15_000, 'two ledger entries');
    return id;
  }

  const ledger = async (id: string) =>
    (await t.services.db.selectFrom('score_entries').select(['kind', 'points']).where('item_id', '=', id).orderBy('history_seq').execute()).map(
      (e) => [e.kind, e.points],
    );

  const reportOf2026 = async () => {
    const response = await admin.get('/v1/reports/scores?year=2026&through=2026-03-10');
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as {
      rules: { submitted: number; adopted: number; nationalAdopted: number };
      totals: { submitted: number; adopted: number; total: number };
    };
  };

  it('re-prices a year that inherits the changed rules, and its report prints the rules its totals use', async () => {
    expect((await admin.get('/v1/scoring-rules/2026')).json()).toMatchObject({ inheritedFrom: 2024, submitted: 3, adopted: 6 });
    const id = await adoptedItem();
    expect(await ledger(id)).toEqual([['submitted', 3], ['adopted', 6]]);

    expect((await admin.put('/v1/scoring-rules/2024', { submitted: 5, adopted: 9, nationalAdopted: 15 })).statusCode).toBe(200);
    expect(await ledger(id)).toEqual([['submitted', 5], ['adopted', 9]]);
    const report = await reportOf2026();
    expect(report.rules).toMatchObject({ submitted: 5, adopted: 9, nationalAdopted: 15 });
    expect(report.totals.total).toBe(report.totals.submitted * 5 + report.totals.adopted * 9);

    // 2025 gets rules of its own: 2026 now inherits those (nearest earlier year), and is re-priced.
    expect((await admin.put('/v1/scoring-rules/2025', { submitted: 2, adopted: 4, nationalAdopted: 8 })).statusCode).toBe(200);
    expect((await admin.get('/v1/scoring-rules/2026')).json()).toMatchObject({ inheritedFrom: 2025 });
    expect(await ledger(id)).toEqual([['submitted', 2], ['adopted', 4]]);

    // 2024's rules no longer govern 2026: changing them leaves its ledger alone.
    expect((await admin.put('/v1/scoring-rules/2024', { submitted: 3, adopted: 6, nationalAdopted: 10 })).statusCode).toBe(200);
    expect(await ledger(id)).toEqual([['submitted', 2], ['adopted', 4]]);
    const after = await reportOf2026();
    expect(after.rules).toMatchObject({ submitted: 2, adopted: 4 });
    expect(after.totals.total).toBe(after.totals.submitted * 2 + after.totals.adopted * 4);
  });
});

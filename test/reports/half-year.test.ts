import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP_TOKEN, callerFor, createReadyDraft, createUser, eventually, startTestApp, type Caller, type TestApp } from '../support/app.ts';
import { ledgerEntriesOf, ledgerReaches, quarterRecords, type PortalRecord } from '../support/portal-records.ts';
import { FIVE_GATES } from '../support/gates.ts';

const A = '150100'; // 呼和浩特市
const B = '150200'; // 包头市
const C = '150300'; // 乌海市
const D = '150781'; // 满洲里市

/** A hand-made first half of 2024, with items on the quarter boundaries in Shanghai time. */
const records: PortalRecord[] = [
  ...quarterRecords(A, 2024, 1, { submitted: 6, adopted: 3, nationalAdopted: 0, rejected: 1 }),
  ...quarterRecords(A, 2024, 2, { submitted: 10, adopted: 6, nationalAdopted: 1, rejected: 2 }),
  ...quarterRecords(B, 2024, 1, { submitted: 4, adopted: 2, nationalAdopted: 1 }),
  ...quarterRecords(B, 2024, 2, { submitted: 11, adopted: 5, nationalAdopted: 2, rejected: 3 }),
  ...quarterRecords(C, 2024, 1, { submitted: 2, adopted: 2, nationalAdopted: 1 }),
  ...quarterRecords(C, 2024, 2, { submitted: 8, adopted: 7, nationalAdopted: 0, rejected: 1 }),
  ...quarterRecords(D, 2024, 2, { submitted: 11, adopted: 7, nationalAdopted: 1 }),
  // Submitted one minute before Q2 began, adopted thirty seconds after it began (still 31 March in UTC).
  { externalId: 'edge-b1', unitCode: B, title: '包头市边界信息', eventDate: '2024-03-29', submittedAt: '2024-03-31T23:59:00+08:00', adoptedAt: '2024-04-01T00:00:30+08:00' },
  // Submitted in Q2, adopted ten minutes into Q3 (still 30 June in UTC): not in the first half.
  { externalId: 'edge-c1', unitCode: C, title: '乌海市边界信息', eventDate: '2024-06-28', submittedAt: '2024-06-30T23:30:00+08:00', adoptedAt: '2024-07-01T00:10:00+08:00' },
  // Adopted nationally ten minutes before Q2 ended.
  {
    externalId: 'edge-d1', unitCode: D, title: '满洲里市边界信息', eventDate: '2024-06-18', submittedAt: '2024-06-20T09:00:00+08:00',
    adoptedAt: '2024-06-25T10:00:00+08:00', forwardedAt: '2024-06-26T10:00:00+08:00', nationalAdoptedAt: '2024-06-30T23:50:00+08:00',
  },
];

const badRows = [
  { externalId: 'bad-order', unitCode: A, title: '呼和浩特市信息', eventDate: '2024-05-01', submittedAt: '2024-05-03T09:00:00+08:00', adoptedAt: '2024-05-02T09:00:00+08:00' },
  { externalId: 'bad-unit', unitCode: '999999', title: '未知单位信息', eventDate: '2024-05-01', submittedAt: '2024-05-03T09:00:00+08:00' },
  { externalId: 'bad-both', unitCode: A, title: '呼和浩特市信息', eventDate: '2024-05-01', submittedAt: '2024-05-03T09:00:00+08:00', adoptedAt: '2024-05-04T09:00:00+08:00', rejectedAt: '2024-05-04T09:00:00+08:00' },
  { externalId: 'bad-time', unitCode: A, title: '呼和浩特市信息', eventDate: '2024-05-01', submittedAt: '2024-05-03 09:00' },
];

/** An old-portal row sent as CSV: sent in July, never decided. */
const csvRecord: PortalRecord = { externalId: 'csv-1', unitCode: A, title: '呼和浩特市计生协开展活动，群众参与', eventDate: '2024-07-01', submittedAt: '2024-07-02T09:00:00+08:00' };

/** The old portal is imported after the last time it holds (no record may lie in the future)… */
const IMPORT_DAY = '2024-07-20T10:00:00+08:00';
/** …and the live items are worked on in May, in the second quarter. */
const LIVE_DAY = '2024-05-20T10:00:00+08:00';

let t: TestApp;
let admin: Caller;
let manager: Caller;

beforeAll(async () => {
  t = await startTestApp({ queue: { backend: 'postgres' }, workers: true, now: IMPORT_DAY });
  admin = callerFor(t.app, BOOTSTRAP_TOKEN);
  manager = await createUser(t.app, 'manager');
});
afterAll(async () => {
  await t?.close();
});

describe('importing the old portal', () => {
  it('creates the valid rows, reports the inconsistent ones by index, and changes nothing the second time', async () => {
    const items = [...records.slice(0, 3), ...badRows, ...records.slice(3)];
    const first = (await admin.post('/v1/import/submissions', { items })).json();
    expect(first.created).toBe(records.length);
    expect(first.unchanged).toBe(0);
    expect(first.errors.map((e: { index: number; code: string }) => [e.index, e.code])).toEqual([
      [3, 'inconsistent_times'],
      [4, 'unknown_unit'],
      [5, 'conflicting_outcome'],
      [6, 'invalid_row'],
    ]);
    const second = (await admin.post('/v1/import/submissions', { items })).json();
    expect(second).toMatchObject({ created: 0, unchanged: records.length });
    const count = await t.services.db.selectFrom('items').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(records.length);
    expect((await manager.post('/v1/import/submissions', { items })).statusCode).toBe(403);
  });

  it('takes the same columns as CSV', async () => {
    const csv = [
      'externalId,unitCode,title,eventDate,major,submittedAt,adoptedAt',
      `edge-b1,${B},包头市边界信息,2024-03-29,,2024-03-31T23:59:00+08:00,2024-04-01T00:00:30+08:00`,
      `${csvRecord.externalId},${A},"${csvRecord.title}",${csvRecord.eventDate},是,${csvRecord.submittedAt},`,
    ].join('\n');
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/import/submissions',
      headers: { authorization: `Bearer ${BOOTSTRAP_TOKEN}`, 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(response.json()).toEqual({ created: 1, unchanged: 1, errors: [] });
    // The same file uploaded as a multipart file: nothing new.
    const asFile = await admin.upload('/v1/import/submissions', Buffer.from(csv), 'portal.csv');
    expect(asFile.json()).toEqual({ created: 0, unchanged: 2, errors: [] });
    const imported = await t.services.db.selectFrom('items').selectAll().where('external_id', '=', 'csv-1').executeTakeFirstOrThrow();
    // Never decided: replayed through the lifecycle and closed as of its stale date, not left in a queue.
    expect(imported).toMatchObject({ state: 'expired', major: true, title: '呼和浩特市计生协开展活动，群众参与' });
    const history = (await manager.get(`/v1/submissions/${imported.id}/history`)).json();
    expect(history.map((h: { action: string }) => h.action)).toEqual(['create', 'request_signoff', 'sign_off', 'expire']);
  });

  it('lets a live item with a resubmission count once', async () => {
    t.clock.set(LIVE_DAY);
    const editor = await createUser(t.app, 'editor', A);
    const approver = await createUser(t.app, 'approver', A);
    const reviewer = await createUser(t.app, 'reviewer');
    const { id } = await createReadyDraft(editor, {
      title: '呼和浩特市计生协开展优生优育进家庭活动',
      body: '活动内容。（呼和浩特市计生协 李四 供稿）',
      eventDate: '2024-05-18',
    });
    const act = (caller: Caller, body: object) => caller.post(`/v1/submissions/${id}/actions`, body);
    await act(editor, { action: 'request_signoff' });
    await act(approver, { action: 'sign_off', signer: '赵主任', gates: FIVE_GATES });
    await act(reviewer, { action: 'return_for_revision', reason: '请补充数据' });
    await act(editor, { action: 'request_signoff' });
    await act(approver, { action: 'sign_off', signer: '赵主任', gates: FIVE_GATES });
    expect((await act(reviewer, { action: 'adopt' })).json().state).toBe('adopted');
    await eventually(async () => {
      const rows = await t.services.db.selectFrom('score_entries').select('kind').where('item_id', '=', id).execute();
      return rows.length === 2;
    }, 30_000, 'ledger entries of the live item');
  });
});

// Worked out by hand from the records above (and the live item: 呼和浩特市 +1 submitted, +1 adopted in Q2).
const Q2 = {
  [A]: { submitted: 11, adopted: 7, nationalAdopted: 1 },
  [B]: { submitted: 11, adopted: 6, nationalAdopted: 2 },
  [C]: { submitted: 9, adopted: 7, nationalAdopted: 0 },
  [D]: { submitted: 12, adopted: 8, nationalAdopted: 2 },
};
const H1 = {
  [A]: { submitted: 17, adopted: 10, nationalAdopted: 1, total: 17 * 3 + 10 * 6 + 10 },
  [B]: { submitted: 16, adopted: 8, nationalAdopted: 3, total: 16 * 3 + 8 * 6 + 30 },
  [C]: { submitted: 11, adopted: 9, nationalAdopted: 1, total: 11 * 3 + 9 * 6 + 10 },
  [D]: { submitted: 12, adopted: 8, nationalAdopted: 2, total: 12 * 3 + 8 * 6 + 20 },
};
const ZERO_UNITS = ['150400', '150500', '150600', '150700', '150800', '150900', '152200', '152500', '152501', '152900'];

describe('the reports over the half year', () => {
  beforeAll(async () => {
    // A live item still waiting in the region's queue, sent in July (outside the half year).
    t.clock.set(IMPORT_DAY);
    const editor = await createUser(t.app, 'editor', A, 'editor July');
    const approver = await createUser(t.app, 'approver', A, 'approver July');
    const { id } = await createReadyDraft(editor, {
      title: '呼和浩特市计生协开展暑期关爱活动',
      body: '活动内容。（呼和浩特市计生协 李四 供稿）',
      eventDate: '2024-07-19',
    });
    await editor.post(`/v1/submissions/${id}/actions`, { action: 'request_signoff' });
    const signed = await approver.post(`/v1/submissions/${id}/actions`, { action: 'sign_off', signer: '赵主任', gates: FIVE_GATES });
    expect(signed.json().state).toBe('submitted');
    t.clock.set(LIVE_DAY);
    // Every point in the ledger: the imported ones, the resubmitted live item's two, and this one's.
    await ledgerReaches(t, ledgerEntriesOf([...records, csvRecord]) + 3);
  });

  it('counts the second quarter per unit, quarter boundaries in Shanghai time, ties ranked together', async () => {
    const report = (await manager.get('/v1/reports/period?from=2024-04-01&to=2024-06-30')).json();
    expect(report.rows).toHaveLength(14);
    const figures = report.rows.map((r: any) => [r.rank, r.unitCode, r.submitted, r.adopted, r.nationalAdopted]);
    expect(figures.slice(0, 4)).toEqual([
      [1, D, 12, 8, 2],
      [2, B, 11, 6, 2], // ties with 呼和浩特市 on 11 and goes first on national adoptions
      [2, A, 11, 7, 1],
      [4, C, 9, 7, 0],
    ]);
    expect(figures.slice(4)).toEqual(ZERO_UNITS.map((code) => [5, code, 0, 0, 0]));
    expect(report.totals).toEqual({ submitted: 43, adopted: 28, nationalAdopted: 5 });
    for (const [code, expected] of Object.entries(Q2)) {
      expect(report.rows.find((r: any) => r.unitCode === code)).toMatchObject(expected);
    }
  });

  it('scores the year to 30 June', async () => {
    const report = (await manager.get('/v1/reports/scores?year=2024&through=2024-06-30')).json();
    expect(report.rows.slice(0, 4).map((r: any) => [r.rank, r.unitCode, r.total])).toEqual([
      [1, B, 126],
      [2, A, 121],
      [3, D, 104],
      [4, C, 97],
    ]);
    for (const [code, expected] of Object.entries(H1)) {
      const row = report.rows.find((r: any) => r.unitCode === code);
      expect(row).toMatchObject(expected);
      expect(row.submittedPoints + row.adoptedPoints + row.nationalAdoptedPoints).toBe(expected.total);
    }
    // The first quarter and the second add up to the half year.
    const q1 = (await manager.get('/v1/reports/period?from=2024-01-01&to=2024-03-31')).json();
    const q2 = (await manager.get('/v1/reports/period?from=2024-04-01&to=2024-06-30')).json();
    for (const row of report.rows) {
      const a = q1.rows.find((r: any) => r.unitCode === row.unitCode);
      const b = q2.rows.find((r: any) => r.unitCode === row.unitCode);
      expect(a.submitted + b.submitted).toBe(row.submitted);
      expect(a.adopted + b.adopted).toBe(row.adopted);
    }
  });

  it('lists the top units and the national adoptions', async () => {
    // Once the quarter is over: while it runs, the bulletin counts up to today.
    t.clock.set(IMPORT_DAY);
    const bulletin = (await manager.get('/v1/reports/bulletin?year=2024&quarter=2')).json();
    const pick = (list: any[]) => list.map((u) => [u.rank, u.unitCode, u.value]);
    expect(pick(bulletin.topSubmitted)).toEqual([[1, D, 12], [2, B, 11], [2, A, 11], [4, C, 9]]);
    expect(pick(bulletin.topAdopted)).toEqual([[1, D, 8], [2, A, 7], [2, C, 7], [4, B, 6]]);
    expect(pick(bulletin.nationalAdoptions)).toEqual([[1, D, 2], [1, B, 2], [3, A, 1]]);
    expect(pick(bulletin.topScore)).toEqual([[1, B, 126], [2, A, 121], [3, D, 104], [4, C, 97]]);
    expect(bulletin.totals).toMatchObject({ submitted: 43, adopted: 28, nationalAdopted: 5 });
    expect(bulletin.text).toContain('满洲里市（2条）、包头市（2条）、呼和浩特市（1条）');
  });

  it('shows the pipeline as the items do', async () => {
    const pipeline = (await manager.get('/v1/pipeline')).json();
    const { rows } = await t.services.pool.query(`SELECT unit_code, state, count(*)::int AS n FROM items GROUP BY 1, 2`);
    for (const { unit_code, state, n } of rows) {
      expect(pipeline.units.find((u: any) => u.unitCode === unit_code).counts[state]).toBe(n);
    }
    const total = rows.reduce((sum: number, r: { n: number }) => sum + r.n, 0);
    expect(Object.values(pipeline.states).reduce((a: number, b: any) => a + b, 0)).toBe(total);
    const submitted = pipeline.queues.find((q: any) => q.state === 'submitted');
    const direct = await t.services.pool.query(`SELECT count(*)::int AS n, min(state_entered_at) AS oldest, count(*) FILTER (WHERE late)::int AS late FROM items WHERE state = 'submitted'`);
    expect(submitted).toMatchObject({ count: direct.rows[0].n, late: direct.rows[0].late, oldestSince: direct.rows[0].oldest.toISOString() });
    expect(pipeline.queues.map((q: any) => q.state)).toEqual(['awaiting_signoff', 'submitted', 'forwarded_national']);
    expect(pipeline.queues.map((q: any) => q.label)).toEqual(['待审签', '已报送', '已转报']);
  });

  it('measures the flow: transitions per day, durations and adoption rates', async () => {
    const flow = (await manager.get('/v1/pipeline/flow?from=2024-04-01&to=2024-06-30')).json();
    const { rows } = await t.services.pool.query(
      `SELECT to_char((at AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD') AS day, action, count(*)::int AS count
       FROM item_history WHERE (at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN '2024-04-01' AND '2024-06-30'
       GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    expect(flow.transitions).toEqual(rows);
    // Quarter records: adopted 25 h after submission, rejected 26 h after; the edge item 5 days 1 h after.
    const decided = flow.durations.submittedToDecision;
    expect(decided.count).toBeGreaterThan(30);
    expect(decided.medianHours).toBe(25);
    expect(decided.p90Hours).toBe(26);
    // Time in each state, against the history itself.
    const stays = await t.services.pool.query(
      `SELECT from_state AS state, count(*)::int AS stays, round((avg(stay_seconds) / 3600)::numeric, 1)::float8 AS "averageHours"
       FROM item_history WHERE stay_seconds IS NOT NULL AND (at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN '2024-04-01' AND '2024-06-30'
       GROUP BY 1 ORDER BY 1`,
    );
    expect(flow.timeInState).toEqual(stays.rows);
    expect(flow.timeInState.map((s: { state: string }) => s.state)).toEqual(expect.arrayContaining(['adopted', 'awaiting_signoff', 'submitted']));
    const rate = flow.adoptionRate.find((r: any) => r.unitCode === D);
    expect(rate).toEqual({ unitCode: D, unitName: '满洲里市', submitted: 12, adopted: 8, rate: 0.667 });
    expect(flow.adoptionRate.find((r: any) => r.unitCode === '150400').rate).toBeNull();
  });
});

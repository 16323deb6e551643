import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEvent, createSubmission, persist } from '../../machines/submission.runtime.ts';
import type { Role, SubmissionEvent } from '../../machines/submission.types.ts';
import { BOOTSTRAP_TOKEN, callerFor, createUser, startTestApp, type Caller, type TestApp } from '../support/app.ts';
import { ledgerEntriesOf, ledgerReaches, type PortalRecord } from '../support/portal-records.ts';

const U = '150600'; // 鄂尔多斯市
const NOW = '2024-07-20T10:00:00+08:00';
const ms = (iso: string) => Date.parse(iso);

/** One record of each kind the old portal holds. */
const records: PortalRecord[] = [
  {
    externalId: 'full', unitCode: U, title: '鄂尔多斯市信息一', eventDate: '2024-05-06', submittedAt: '2024-05-07T09:00:00+08:00',
    adoptedAt: '2024-05-08T10:00:00+08:00', forwardedAt: '2024-05-09T10:00:00+08:00', nationalAdoptedAt: '2024-05-12T15:00:00+08:00',
  },
  // The old portal does not know when this one was forwarded: at the latest when the answer came.
  {
    externalId: 'declined', unitCode: U, title: '鄂尔多斯市信息二', eventDate: '2024-05-06', submittedAt: '2024-05-07T09:00:00+08:00',
    adoptedAt: '2024-05-08T10:00:00+08:00', nationalDeclinedAt: '2024-05-13T15:00:00+08:00',
  },
  { externalId: 'rejected', unitCode: U, title: '鄂尔多斯市信息三', eventDate: '2024-05-06', submittedAt: '2024-05-07T09:00:00+08:00', rejectedAt: '2024-05-08T11:00:00+08:00' },
  { externalId: 'adopted', unitCode: U, title: '鄂尔多斯市信息四', eventDate: '2024-05-06', submittedAt: '2024-05-07T09:00:00+08:00', adoptedAt: '2024-05-08T10:00:00+08:00' },
  // Sent, never decided.
  { externalId: 'undecided', unitCode: U, title: '鄂尔多斯市信息五', eventDate: '2024-05-06', submittedAt: '2024-05-07T09:00:00+08:00' },
  // Written, never sent.
  { externalId: 'never-sent', unitCode: U, title: '鄂尔多斯市信息六', eventDate: '2024-06-03' },
  // Sent after its due date (2024-05-11, a make-up working day), then adopted.
  { externalId: 'late', unitCode: U, title: '鄂尔多斯市信息七', eventDate: '2024-05-06', submittedAt: '2024-05-15T09:00:00+08:00', adoptedAt: '2024-05-16T10:00:00+08:00' },
  // A year with rules of its own.
  { externalId: 'y2023', unitCode: U, title: '鄂尔多斯市信息八', eventDate: '2023-11-06', submittedAt: '2023-11-07T09:00:00+08:00', adoptedAt: '2023-11-08T10:00:00+08:00' },
];

let t: TestApp;
let admin: Caller;

const count = async (table: 'items' | 'item_history' | 'outbox' | 'score_entries' | 'notifications') =>
  Number((await t.services.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

const itemOf = (externalId: string) => t.services.db.selectFrom('items').selectAll().where('external_id', '=', externalId).executeTakeFirstOrThrow();

async function historyOf(externalId: string) {
  const item = await itemOf(externalId);
  const rows = await t.services.db.selectFrom('item_history').selectAll().where('item_id', '=', item.id).orderBy('seq').execute();
  return rows.map((h) => ({ action: h.action, from: h.from_state, to: h.to_state, at: h.at.toISOString(), imported: h.imported, role: h.actor_role }));
}

const step = (action: string, from: string | null, to: string, at: string | number) => ({
  action, from, to, at: new Date(typeof at === 'number' ? at : ms(at)).toISOString(), imported: true, role: 'admin',
});

const ledgerSettled = () => ledgerReaches(t, ledgerEntriesOf(records));

beforeAll(async () => {
  // The sweeper's own loop runs once at start and then hourly: the test runs its pass by hand.
  t = await startTestApp({ queue: { backend: 'postgres' }, workers: true, now: NOW, env: { SWEEP_INTERVAL_MS: '3600000' } });
  admin = callerFor(t.app, BOOTSTRAP_TOKEN);
  expect((await admin.put('/v1/scoring-rules/2023', { submitted: 2, adopted: 4, nationalAdopted: 8 })).statusCode).toBe(200);
  const answer = await admin.post('/v1/import/submissions', { items: records });
  expect(answer.statusCode).toBe(200);
  expect(answer.json()).toEqual({ created: records.length, unchanged: 0, errors: [] });
});
afterAll(async () => {
  await t?.close();
});

describe('importing the old portal: a replay through the machine', () => {
  it('records each step the record holds, at its own time, as an imported step of the admin', async () => {
    expect(await historyOf('full')).toEqual([
      step('create', null, 'draft', '2024-05-07T09:00:00+08:00'),
      step('request_signoff', 'draft', 'awaiting_signoff', '2024-05-07T09:00:00+08:00'),
      step('sign_off', 'awaiting_signoff', 'submitted', '2024-05-07T09:00:00+08:00'),
      step('adopt', 'submitted', 'adopted', '2024-05-08T10:00:00+08:00'),
      step('forward_national', 'adopted', 'forwarded_national', '2024-05-09T10:00:00+08:00'),
      step('record_national_adoption', 'forwarded_national', 'national_adopted', '2024-05-12T15:00:00+08:00'),
    ]);
    expect((await historyOf('declined')).slice(4)).toEqual([
      step('forward_national', 'adopted', 'forwarded_national', '2024-05-13T15:00:00+08:00'),
      step('record_national_decline', 'forwarded_national', 'national_declined', '2024-05-13T15:00:00+08:00'),
    ]);
    expect((await historyOf('rejected')).at(-1)).toEqual(step('reject', 'submitted', 'rejected', '2024-05-08T11:00:00+08:00'));
    // Sent after the due date: flagged late when it was written, as the deadline job would have.
    expect((await historyOf('late')).map((h) => [h.action, h.at])).toEqual([
      ['create', '2024-05-15T01:00:00.000Z'],
      ['mark_late', '2024-05-15T01:00:00.000Z'],
      ['request_signoff', '2024-05-15T01:00:00.000Z'],
      ['sign_off', '2024-05-15T01:00:00.000Z'],
      ['adopt', '2024-05-16T02:00:00.000Z'],
    ]);
    expect(await itemOf('late')).toMatchObject({ state: 'adopted', late: true });
    // Nobody is named as the signer: the old portal did not record one, and the admin did not sign.
    expect(await itemOf('full')).toMatchObject({
      state: 'national_adopted', signer: null, signed_by: null, signed_at: new Date('2024-05-07T09:00:00+08:00'), late: false,
    });
  });

  it('closes a record never decided as of its stale date, not today', async () => {
    const undecided = await itemOf('undecided');
    expect(undecided.stale_at.toISOString()).toBe('2024-05-20T15:59:59.999Z');
    expect(undecided.state).toBe('expired');
    expect((await historyOf('undecided')).slice(3)).toEqual([step('expire', 'submitted', 'expired', '2024-05-21T00:00:00+08:00')]);

    // Never sent: late at its due moment (2024-06-11 after the Dragon Boat holiday), expired at its stale moment.
    const neverSent = await itemOf('never-sent');
    expect(neverSent).toMatchObject({ state: 'expired', late: true, submitted_at: null });
    expect(await historyOf('never-sent')).toEqual([
      step('create', null, 'draft', '2024-06-03T00:00:00+08:00'),
      step('mark_late', 'draft', 'draft', neverSent.due_at.getTime() + 1),
      step('expire', 'draft', 'expired', neverSent.stale_at.getTime() + 1),
    ]);
    expect(neverSent.due_at.toISOString()).toBe('2024-06-11T15:59:59.999Z');
  });

  it('holds, for every item, a history that the machine replays to the stored snapshot', async () => {
    const items = await t.services.db.selectFrom('items').selectAll().execute();
    expect(items).toHaveLength(records.length);
    for (const item of items) {
      const history = await t.services.db.selectFrom('item_history').selectAll().where('item_id', '=', item.id).orderBy('seq').execute();
      let snapshot = createSubmission({ unitCode: item.unit_code, dueAt: item.due_at.getTime(), staleAt: item.stale_at.getTime() }).snapshot;
      expect(history[0]).toMatchObject({ seq: 1, action: 'create', to_state: 'draft' });
      for (const h of history.slice(1)) {
        const actor = { id: h.actor_id, name: h.actor_name, role: h.actor_role as Role, unitCode: null };
        const event = { type: h.action, actor, now: h.at.getTime(), imported: h.imported, signer: null, reason: '' } as SubmissionEvent;
        const outcome = applyEvent(snapshot, event);
        expect(outcome.ok, `${item.external_id} #${h.seq} ${h.action}`).toBe(true);
        if (!outcome.ok) break;
        expect([outcome.from, outcome.to]).toEqual([h.from_state, h.to_state]);
        snapshot = outcome.snapshot;
      }
      expect(persist(snapshot)).toEqual(item.snapshot);
      expect(item.state).toBe(snapshot.value);
      expect(item.version).toBe(history.length);
    }
  });
});

describe('imported items are history, not work', () => {
  it('puts none of them in any task queue', async () => {
    const callers = [
      await createUser(t.app, 'editor', U),
      await createUser(t.app, 'approver', U),
      await createUser(t.app, 'reviewer'),
    ];
    for (const caller of callers) {
      const tasks = await caller.get('/v1/tasks');
      expect(tasks.statusCode).toBe(200);
      expect(tasks.json().items).toEqual([]);
    }
  });

  it('notifies nobody and schedules nothing: the outbox holds their points only', async () => {
    await ledgerSettled();
    const topics = await t.services.db.selectFrom('outbox').select('topic').distinct().execute();
    expect(topics.map((r) => r.topic)).toEqual(['score']);
    expect(await count('notifications')).toBe(0);
    const deadlines = await t.queues!.queue('deadlines').getJobCounts('waiting', 'delayed', 'active', 'completed', 'failed');
    expect(Object.values(deadlines).every((n) => n === 0), JSON.stringify(deadlines)).toBe(true);
  });

  it('leaves the sweeper nothing to do, whenever it runs', async () => {
    const before = { history: await count('item_history'), outbox: await count('outbox') };
    for (const day of ['2024-07-20T10:00:00+08:00', '2024-12-31T23:00:00+08:00']) {
      t.clock.set(day);
      expect(await t.runtime!.sweeper.sweep()).toMatchObject({ markedLate: 0, expired: 0, reminded: 0 });
    }
    t.clock.set(NOW);
    expect({ history: await count('item_history'), outbox: await count('outbox') }).toEqual(before);
    expect(await count('notifications')).toBe(0);
  });

  it('puts each point in the ledger once, priced by the rules of the year it was earned in', async () => {
    await ledgerSettled();
    const entries = await t.services.db
      .selectFrom('score_entries')
      .innerJoin('items', 'items.id', 'score_entries.item_id')
      .select(['items.external_id', 'score_entries.kind', 'score_entries.points', 'score_entries.occurred_on', 'score_entries.history_seq'])
      .orderBy('items.external_id')
      .orderBy('score_entries.history_seq')
      .execute();
    const of = (id: string) => entries.filter((e) => e.external_id === id).map((e) => [e.kind, e.points, e.occurred_on, e.history_seq]);
    expect(of('full')).toEqual([
      ['submitted', 3, '2024-05-07', 3],
      ['adopted', 6, '2024-05-08', 4],
      ['national_adopted', 10, '2024-05-12', 6],
    ]);
    expect(of('y2023')).toEqual([
      ['submitted', 2, '2023-11-07', 3],
      ['adopted', 4, '2023-11-08', 4],
    ]);
    expect(of('undecided')).toEqual([['submitted', 3, '2024-05-07', 3]]);
    expect(of('never-sent')).toEqual([]);
  });

  it('changes nothing when the same file comes again', async () => {
    await ledgerSettled();
    const tables = ['items', 'item_history', 'outbox', 'score_entries', 'notifications'] as const;
    const before = await Promise.all(tables.map(count));
    const again = await admin.post('/v1/import/submissions', { items: records });
    expect(again.json()).toEqual({ created: 0, unchanged: records.length, errors: [] });
    expect(await Promise.all(tables.map(count))).toEqual(before);
  });
});

describe('a file with bad rows', () => {
  const good = (externalId: string, extra: Partial<PortalRecord> = {}): PortalRecord => ({
    externalId, unitCode: U, title: '鄂尔多斯市好信息', eventDate: '2024-06-03', submittedAt: '2024-06-04T09:00:00+08:00',
    adoptedAt: '2024-06-05T09:00:00+08:00', ...extra,
  });
  const bad: Array<[unknown, string, string?]> = [
    [good('nul', { title: '鄂尔多斯市\u0000信息' }), 'nul_character', 'title'],
    [{ ...good('surrogate'), body: '正文\ud800' }, 'malformed_text', 'body'],
    [good('feb-30', { eventDate: '2024-02-30' }), 'invalid_row', 'eventDate'],
    [good('year-0', { eventDate: '0000-01-01', submittedAt: undefined, adoptedAt: undefined }), 'date_out_of_range', 'eventDate'],
    [good('year-9999', { eventDate: '9999-12-31' }), 'date_out_of_range', 'eventDate'],
    [good('future', { eventDate: '2024-07-19', submittedAt: '2024-07-21T09:00:00+08:00', adoptedAt: undefined }), 'date_out_of_range', 'submittedAt'],
    [good('time-year-0', { submittedAt: '0000-01-01T00:00:00+08:00' }), 'date_out_of_range', 'submittedAt'],
    [good('no-unit', { unitCode: '' }), 'invalid_row', 'unitCode'],
    [good('unknown-unit', { unitCode: '999999' }), 'unknown_unit', 'unitCode'],
    [good('both', { rejectedAt: '2024-06-05T09:00:00+08:00' }), 'conflicting_outcome'],
    [good('both-national', { nationalAdoptedAt: '2024-06-09T09:00:00+08:00', nationalDeclinedAt: '2024-06-09T09:00:00+08:00' }), 'conflicting_outcome'],
    [good('order', { adoptedAt: '2024-06-03T09:00:00+08:00' }), 'inconsistent_times', 'adoptedAt'],
    [good('orphan-adoption', { submittedAt: undefined }), 'missing_time', 'submittedAt'],
    [good('forwarded-only', { forwardedAt: '2024-06-06T09:00:00+08:00' }), 'national_outcome_missing', 'forwardedAt'],
    [good('not-yet-stale', { eventDate: '2024-07-15', submittedAt: '2024-07-16T09:00:00+08:00', adoptedAt: undefined }), 'not_yet_stale'],
    [good('adopted-stale', { adoptedAt: '2024-06-20T09:00:00+08:00' }), 'refused_by_machine'],
    [good('good-1'), 'duplicate_external_id', 'externalId'],
    [{ ...good('object-id'), externalId: { id: 1 } }, 'invalid_row', 'externalId'],
    [42, 'invalid_row'],
  ];

  it('stores the good rows and lists each bad one by index, with a stable code and a reason in Chinese', async () => {
    // A spreadsheet may send codes as numbers: they are read as the text they were.
    const numeric = { ...good('x'), externalId: 9001, unitCode: Number(U) };
    // A year the official calendar has no data for: its deadlines are provisional, its record still goes in.
    const old = good('good-2001', { eventDate: '2001-03-05', submittedAt: '2001-03-06T09:00:00+08:00', adoptedAt: '2001-03-07T09:00:00+08:00' });
    const items = [good('good-1'), ...bad.map(([row]) => row), good('good-2', { nationalAdoptedAt: '2024-06-09T09:00:00+08:00' }), numeric, old];
    const response = await admin.post('/v1/import/submissions', { items });
    expect(response.statusCode).toBe(200);
    const answer = response.json();
    expect(answer.created).toBe(4);
    expect(answer.unchanged).toBe(0);
    expect(answer.errors.map((e: { index: number; code: string; field?: string }) => [e.index, e.code, e.field])).toEqual(
      bad.map(([, code, field], i) => [i + 1, code, field]),
    );
    for (const error of answer.errors) expect(error.message).toMatch(/[\u4e00-\u9fff]/);
    const stored = await t.services.db.selectFrom('items').select(['external_id', 'state']).where('title', 'like', '鄂尔多斯市好信息%').orderBy('external_id').execute();
    expect(stored).toEqual([
      { external_id: '9001', state: 'adopted' },
      { external_id: 'good-1', state: 'adopted' },
      { external_id: 'good-2', state: 'national_adopted' },
      { external_id: 'good-2001', state: 'adopted' },
    ]);
  });

  it('does the same for a CSV file', async () => {
    const csv = [
      'externalId,unitCode,title,eventDate,submittedAt,adoptedAt',
      `csv-good,${U},鄂尔多斯市CSV信息,2024-06-03,2024-06-04T09:00:00+08:00,2024-06-05T09:00:00+08:00`,
      `csv-bad,${U},鄂尔多斯市CSV信息,2024-13-03,2024-06-04T09:00:00+08:00,`,
    ].join('\n');
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/import/submissions',
      headers: { authorization: `Bearer ${BOOTSTRAP_TOKEN}`, 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ created: 1, unchanged: 0, errors: [{ index: 1, code: 'invalid_row', field: 'eventDate' }] });
  });

  it('refuses a request that holds no rows at all as a whole, with 400', async () => {
    const response = await admin.post('/v1/import/submissions', { items: 'x' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
  });
});

describe('a large CSV, read and imported as it arrives', () => {
  const ROWS = 2_600; // six batches of five hundred, the last one partial
  const header = 'externalId,unitCode,title,body,eventDate,submittedAt,adoptedAt';
  /** A file with a bad row and a repeated id in its last batch. */
  const recordsOf = (prefix: string) =>
    Array.from({ length: ROWS }, (_, i) => ({
      externalId: i === 2_400 ? `${prefix}-7` : `${prefix}-${i}`,
      unitCode: U,
      title: `鄂尔多斯市大文件信息（${i}）`,
      body: '活动内容，“引号”与逗号。',
      eventDate: i === 2_300 ? '2024-02-30' : '2024-06-03',
      submittedAt: '2024-06-04T09:00:00+08:00',
      adoptedAt: i % 2 === 0 ? '2024-06-05T09:00:00+08:00' : '',
    }));
  const csvOf = (rows: ReturnType<typeof recordsOf>) =>
    [header, ...rows.map((r) => [r.externalId, r.unitCode, r.title, `"${r.body.replaceAll('"', '""')}"`, r.eventDate, r.submittedAt, r.adoptedAt].join(','))].join('\r\n');
  const postCsv = (csv: string) =>
    t.app.inject({
      method: 'POST',
      url: '/v1/import/submissions',
      headers: { authorization: `Bearer ${BOOTSTRAP_TOKEN}`, 'content-type': 'text/csv' },
      payload: csv,
    });
  const codes = (answer: { errors: Array<{ index: number; code: string }> }) => answer.errors.map((e) => [e.index, e.code]);

  it('gives the answer the same rows give as JSON, a bad row in a later batch named by its own index', async () => {
    const asCsv = await postCsv(csvOf(recordsOf('big-csv')));
    expect(asCsv.statusCode, asCsv.body).toBe(200);
    const asJson = await admin.post('/v1/import/submissions', { items: recordsOf('big-json') });
    expect(codes(asCsv.json())).toEqual([
      [2_300, 'invalid_row'],
      [2_400, 'duplicate_external_id'],
    ]);
    expect(asCsv.json().errors[1].message).toContain('第 7 条');
    expect(asCsv.json()).toMatchObject({ created: ROWS - 2, unchanged: 0 });
    expect(JSON.parse(asJson.body.replaceAll('big-json', 'big-csv'))).toEqual(asCsv.json());
    const stored = await t.services.db.selectFrom('items').select(['state']).where('external_id', 'like', 'big-csv-%').execute();
    expect(stored).toHaveLength(ROWS - 2);
    expect(stored.filter((s) => s.state === 'adopted')).toHaveLength(ROWS / 2 - 2);
    // The same file again, as a multipart upload: nothing new.
    const again = await admin.upload('/v1/import/submissions', Buffer.from(csvOf(recordsOf('big-csv'))), 'portal.csv');
    expect(again.json()).toEqual({ created: 0, unchanged: ROWS - 2, errors: asCsv.json().errors });
  });

  it('keeps the rows before a break in the file, and says from which row on nothing was read', async () => {
    const rows = recordsOf('broken').slice(0, 1_500);
    // An opening quote never closed swallows the rest of the file: from record 1,200 on it cannot be read.
    const csv = `${csvOf(rows.slice(0, 1_200))}\r\n"broken-1200,${U},未闭合的引号\r\n${csvOf(rows.slice(1_201)).split('\r\n').slice(1).join('\r\n')}`;
    const response = await postCsv(csv);
    expect(response.statusCode, response.body).toBe(200);
    const answer = response.json();
    expect(answer).toMatchObject({ created: 1_200, unchanged: 0 });
    expect(codes(answer)).toEqual([[1_200, 'csv_unreadable']]);
    expect(answer.errors[0].message).toMatch(/第 1200 条记录.*均未导入/);
    expect(await t.services.db.selectFrom('items').select('id').where('external_id', 'like', 'broken-%').execute()).toHaveLength(1_200);
  });

  it('refuses a file that declares more than the limit before reading it', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/import/submissions',
      headers: { authorization: `Bearer ${BOOTSTRAP_TOKEN}`, 'content-type': 'text/csv', 'content-length': String(2 * 1024 ** 3) },
      payload: `${header}\r\n`,
    });
    expect(response.statusCode, response.body).toBe(413);
    expect(response.json().error).toMatchObject({ code: 'payload_too_large', message: expect.stringContaining('1024 MB') });
  });
});

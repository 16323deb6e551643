import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationProvider } from '../../db/migrations/index.ts';
import { createReadyDraft, createUser, startTestApp, type Caller, type TestApp } from '../support/app.ts';
import { FIVE_GATES } from '../support/gates.ts';

const UNIT = '150600';
const draft = { title: '鄂尔多斯市计生协开展优生优育进家庭活动', body: '内容。（鄂尔多斯市计生协 张三 供稿）', eventDate: '2024-05-18' };

describe('migration 0005 on an outbox written before it', () => {
  let t: TestApp;
  let editor: Caller;
  let approver: Caller;

  beforeAll(async () => {
    t = await startTestApp();
    editor = await createUser(t.app, 'editor', UNIT);
    approver = await createUser(t.app, 'approver', UNIT);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('marks done the dispatched rows whose effect exists, and leaves lost ones to the reconciler', async () => {
    const ids = [(await createReadyDraft(editor, draft)).id, (await createReadyDraft(editor, draft)).id];
    for (const id of ids) {
      await editor.post(`/v1/submissions/${id}/actions`, { action: 'request_signoff' });
      await approver.post(`/v1/submissions/${id}/actions`, { action: 'sign_off', signer: '王主任', gates: FIVE_GATES });
    }
    const migrator = new Migrator({ db: t.services.db, provider: migrationProvider });
    expect((await migrator.migrateTo('0004_report_rollups')).error).toBeUndefined();

    // Before 0005: every row dispatched; the first item's effects were recorded, the second's lost.
    const { db } = t.services;
    await sql`UPDATE outbox SET dispatched_at = now() - interval '1 hour'`.execute(db);
    const rows = await sql<{ id: number; item_id: string; history_seq: number; topic: string; kind: string }>`
      SELECT id, item_id, history_seq, topic, payload ->> 'kind' AS kind FROM outbox ORDER BY id`.execute(db);
    const recorded = rows.rows.filter((r) => r.item_id === ids[0]);
    for (const row of recorded) {
      if (row.topic === 'score') {
        await sql`INSERT INTO score_entries (item_id, history_seq, unit_code, kind, points, occurred_at, occurred_on)
          VALUES (${row.item_id}, ${row.history_seq}, ${UNIT}, ${row.kind}, 3, now(), '2024-05-20')`.execute(db);
      } else if (row.topic === 'notify' && row.kind === 'signoff_requested') {
        await sql`INSERT INTO notifications (user_id, item_id, kind, message, source)
          VALUES (${approver.id}, ${row.item_id}, ${row.kind}, 'x', ${`outbox-${row.id}`})`.execute(db);
      }
    }

    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    const after = await sql<{ item_id: string; topic: string; kind: string | null; done: boolean }>`
      SELECT item_id, topic, payload ->> 'kind' AS kind, done_at IS NOT NULL AS done FROM outbox ORDER BY id`.execute(db);
    const doneOf = (itemId: string) =>
      after.rows.filter((r) => r.item_id === itemId).map((r) => `${r.topic} ${r.kind ?? '-'} ${r.done ? 'done' : 'undone'}`).sort();
    expect(doneOf(ids[0])).toEqual([
      'deadlines - done',
      'notify signoff_requested done',
      // Notified nobody (no template): nothing shows it was done, so the reconciler looks again.
      'notify submitted undone',
      'score submitted done',
    ]);
    expect(doneOf(ids[1])).toEqual([
      'deadlines - done',
      'notify signoff_requested undone',
      'notify submitted undone',
      'score submitted undone',
    ]);
  });
});

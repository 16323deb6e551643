import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allExactlyOnce, countExactlyOnce } from '../../bench/scaleout-checks.ts';
import { insertTimerItems } from '../../bench/deadline-fixture.ts';
import { Sweeper } from '../../workers/sweeper.ts';
import { createUser, startTestApp, type TestApp } from '../support/app.ts';

// A Monday: items that started waiting on the Friday before are reminded today.
const START = Date.parse('2024-05-20T10:00:00+08:00');
const UNIT = { code: '150600', name: '鄂尔多斯市' };

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ now: new Date(START).toISOString() });
  const editor = await createUser(t.app, 'editor', UNIT.code, '张三');
  await createUser(t.app, 'approver', UNIT.code, '王主任');
  // Four items: reminders at +1, +2, +3, +4 s; each late 2 s and stale 4 s after its reminder.
  await insertTimerItems(t.services.pool, {
    count: 4,
    units: [{ ...UNIT, author: { id: editor.id, name: '张三', role: 'editor' } }],
    firstAt: START + 1_000,
    windowMs: 8_000,
    calendar: t.services.calendar,
  });
});
afterAll(async () => {
  await t?.close();
});

describe('the scale-out benchmark’s timer items and counts', () => {
  it('writes items the machine takes through reminder, late flag and expiry, each counted once', async () => {
    const reminders = { staleReminderDays: 2, signoffReminderWorkdays: 1 };
    const sweeper = new Sweeper(t.services.db, t.services.commands, t.services.calendar, reminders, t.clock.read);
    for (let at = START; at <= START + 11_000; at += 250) {
      t.clock.now = at;
      await sweeper.sweep();
    }
    await sweeper.sweep();

    const counted = await countExactlyOnce(t.services.pool, t.services.calendar, 1);
    expect(counted.deadlines).toMatchObject({ items: 4, expected: 12, applied: 12, missing: 0, overtaken: 0, doubled: 0, unexpected: 0 });
    expect(counted.deadlines.latenessMs.max).toBeLessThanOrEqual(250);
    // The relay's rows: the deadlines are those of the items, as the command service writes them.
    const { rows } = await t.services.pool.query<{ due: Date; payload: { dueAt: string } }>(
      `SELECT i.due_at AS due, o.payload FROM outbox o JOIN items i ON i.id = o.item_id WHERE o.topic = 'deadlines'`,
    );
    expect(rows.map((r) => Date.parse(r.payload.dueAt))).toEqual(rows.map((r) => r.due.getTime()));
  });

  it('counts an effect recorded twice and a ledger entry no step earned', async () => {
    const { rows } = await t.services.pool.query<{ id: string }>(`SELECT id FROM items WHERE external_id = 'timer-0'`);
    const sweeperActor = await t.services.pool.query<{ actor_id: string }>(
      `SELECT actor_id FROM item_history WHERE item_id = $1 AND action = 'expire'`,
      [rows[0].id],
    );
    await t.services.pool.query(
      `INSERT INTO item_history (item_id, unit_code, seq, action, from_state, to_state, actor_id, actor_name, actor_role, at)
       VALUES ($1, $2, 99, 'mark_late', 'awaiting_signoff', 'awaiting_signoff', $3, 'system', 'system', now())`,
      [rows[0].id, UNIT.code, sweeperActor.rows[0].actor_id],
    );
    await t.services.pool.query(
      `INSERT INTO score_entries (item_id, history_seq, unit_code, kind, points, occurred_at, occurred_on)
       VALUES ($1, 2, $2, 'submitted', 3, now(), current_date)`,
      [rows[0].id, UNIT.code],
    );
    const counted = await countExactlyOnce(t.services.pool, t.services.calendar, 1);
    expect(counted.deadlines.doubled).toBe(1);
    expect(counted.ledger).toMatchObject({ expected: 0, recorded: 1, extra: 1 });
    expect(allExactlyOnce(counted)).toBe(false);
  });
});

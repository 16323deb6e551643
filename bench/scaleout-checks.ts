import type pg from 'pg';
import { signoffReminderAt } from '../workers/deadline-schedule.ts';
import { NOTIFICATION_TEMPLATES } from '../workers/notification-messages.ts';
import type { WorkCalendar } from '../src/time/work-calendar.ts';
import { percentile } from './support.ts';

/**
 * What the scale-out benchmark counts in Postgres once the workers have drained: every effect
 * exactly once, judged against the history (the command path's own record), not against the jobs.
 */
export interface ExactlyOnce {
  ledger: { expected: number; recorded: number; missing: number; extra: number };
  deadlines: {
    items: number;
    expected: number;
    applied: number;
    missing: number;
    /** Reminders and late flags that never came because the item expired first (the backlog reached them too late). */
    overtaken: number;
    doubled: number;
    unexpected: number;
    latenessMs: { p50: number; p99: number; max: number } };
  outbox: { rows: number; notDone: number };
  notifications: { rows: number; stored: number; wrongCount: number };
}

/** Ledger entries an item's history earns: the first sign-off, adoption, national adoption. */
async function ledgerAgainstHistory(pool: pg.Pool): Promise<ExactlyOnce['ledger']> {
  const { rows } = await pool.query<{ expected: string; recorded: string; missing: string; extra: string }>(`
    WITH earning AS (
      SELECT item_id, seq, 'submitted' AS kind
      FROM (SELECT item_id, seq, row_number() OVER (PARTITION BY item_id ORDER BY seq) AS n FROM item_history WHERE action = 'sign_off') s
      WHERE n = 1
      UNION ALL SELECT item_id, seq, 'adopted' FROM item_history WHERE action = 'adopt'
      UNION ALL SELECT item_id, seq, 'national_adopted' FROM item_history WHERE action = 'record_national_adoption'
    )
    SELECT count(e.item_id) AS expected, count(s.id) AS recorded,
      count(*) FILTER (WHERE s.id IS NULL) AS missing, count(*) FILTER (WHERE e.item_id IS NULL) AS extra
    FROM earning e FULL JOIN score_entries s ON s.item_id = e.item_id AND s.history_seq = e.seq AND s.kind = e.kind`);
  const r = rows[0];
  return { expected: Number(r.expected), recorded: Number(r.recorded), missing: Number(r.missing), extra: Number(r.extra) };
}

/**
 * Each timer item's reminder, late flag and expiry, once each (history rows per item); the reminder
 * only where it fell due while the item still waited. No other item may have had a deadline effect.
 * Lateness: the history row's time minus the moment the effect fell due.
 */
async function deadlineEffects(pool: pg.Pool, calendar: WorkCalendar, signoffReminderWorkdays: number): Promise<ExactlyOnce['deadlines']> {
  type Row = { due: Date; stale: Date; waited: Date; reminds: number; reminded: Date | null; lates: number; late: Date | null; expires: number; expired: Date | null };
  const { rows } = await pool.query<Row>(`
    SELECT i.due_at AS due, i.stale_at AS stale, w.at AS waited,
      count(h.id) FILTER (WHERE h.action = 'remind')::int AS reminds, min(h.at) FILTER (WHERE h.action = 'remind') AS reminded,
      count(h.id) FILTER (WHERE h.action = 'mark_late')::int AS lates, min(h.at) FILTER (WHERE h.action = 'mark_late') AS late,
      count(h.id) FILTER (WHERE h.action = 'expire')::int AS expires, min(h.at) FILTER (WHERE h.action = 'expire') AS expired
    FROM items i
    JOIN item_history w ON w.item_id = i.id AND w.seq = 2
    LEFT JOIN item_history h ON h.item_id = i.id AND h.action IN ('remind', 'mark_late', 'expire')
    WHERE i.external_id LIKE 'timer-%'
    GROUP BY i.id, w.at`);
  const { rows: others } = await pool.query<{ n: number }>(`
    SELECT count(*)::int AS n FROM item_history h JOIN items i ON i.id = h.item_id
    WHERE h.action IN ('remind', 'mark_late', 'expire') AND coalesce(i.external_id, '') NOT LIKE 'timer-%'`);
  const result = { items: rows.length, expected: 0, applied: 0, missing: 0, overtaken: 0, doubled: 0, unexpected: others[0].n };
  const lateness: number[] = [];
  for (const row of rows) {
    const remindAt = signoffReminderAt(row.waited.getTime(), signoffReminderWorkdays, calendar);
    const effects = [
      { wanted: remindAt < row.stale.getTime(), count: row.reminds, at: row.reminded, dueAt: remindAt },
      { wanted: true, count: row.lates, at: row.late, dueAt: row.due.getTime() },
      { wanted: true, count: row.expires, at: row.expired, dueAt: row.stale.getTime() },
    ];
    for (const effect of effects) {
      if (effect.wanted) result.expected += 1;
      result.applied += effect.count;
      if (effect.wanted && effect.count === 0) {
        // Expired first: the machine refuses a reminder or late flag after that, so it never came.
        if (row.expires > 0 && effect !== effects[2]) result.overtaken += 1;
        else result.missing += 1;
      }
      if (effect.count > 1 || (!effect.wanted && effect.count > 0)) result.doubled += 1;
      if (effect.at) lateness.push(effect.at.getTime() - effect.dueAt);
    }
  }
  lateness.sort((a, b) => a - b);
  return { ...result, latenessMs: { p50: percentile(lateness, 50), p99: percentile(lateness, 99), max: lateness.at(-1) ?? NaN } };
}

/** Every outbox row done (its effect recorded), and each notice stored once per recipient its audience names. */
async function outboxAndNotifications(pool: pg.Pool): Promise<Pick<ExactlyOnce, 'outbox' | 'notifications'>> {
  const { rows: outbox } = await pool.query<{ rows: number; not_done: number }>(
    `SELECT count(*)::int AS rows, count(*) FILTER (WHERE done_at IS NULL)::int AS not_done FROM outbox`,
  );
  const { rows: people } = await pool.query<{ unit_code: string | null; role: string; n: number }>(
    `SELECT unit_code, role, count(*)::int AS n FROM users WHERE disabled_at IS NULL GROUP BY 1, 2`,
  );
  const { rows: notices } = await pool.query<{ kind: string; unit: string; got: number }>(`
    SELECT o.payload->>'kind' AS kind, o.payload->>'unitCode' AS unit, coalesce(n.got, 0)::int AS got
    FROM outbox o LEFT JOIN (SELECT source, count(*) AS got FROM notifications GROUP BY source) n ON n.source = 'outbox-' || o.id
    WHERE o.topic = 'notify'`);
  const count = (unit: string | null, roles: string[]) =>
    people.filter((p) => (unit === null || p.unit_code === unit) && roles.includes(p.role)).reduce((sum, p) => sum + p.n, 0);
  const reviewers = count(null, ['reviewer']);
  const rolesOf = { unit_editors: ['editor'], unit_approvers: ['approver'], unit_all: ['editor', 'approver'] } as Record<string, string[]>;
  /** The recipients a notice may have: a claimed item's notice to reviewers goes to its claimer alone. */
  const allowed = (kind: string, unit: string): number[] => {
    const audience = NOTIFICATION_TEMPLATES[kind]?.audience;
    if (!audience) return [0];
    if (audience === 'reviewers') return [1, reviewers];
    if (audience === 'item_reviewer') return [0, 1];
    return [count(unit, rolesOf[audience])];
  };
  const wrongCount = notices.filter((n) => !allowed(n.kind, n.unit).includes(n.got)).length;
  return {
    outbox: { rows: outbox[0].rows, notDone: outbox[0].not_done },
    notifications: { rows: notices.length, stored: notices.reduce((sum, n) => sum + n.got, 0), wrongCount },
  };
}

export async function countExactlyOnce(pool: pg.Pool, calendar: WorkCalendar, signoffReminderWorkdays: number): Promise<ExactlyOnce> {
  return {
    ledger: await ledgerAgainstHistory(pool),
    deadlines: await deadlineEffects(pool, calendar, signoffReminderWorkdays),
    ...(await outboxAndNotifications(pool)),
  };
}

/** Every deadline effect once: none missing, none overtaken by the expiry, none twice, none on another item. */
export function deadlinesOnce(d: ExactlyOnce['deadlines']): boolean {
  return d.missing === 0 && d.overtaken === 0 && d.doubled === 0 && d.unexpected === 0;
}

/** Whether every count says exactly once. */
export function allExactlyOnce(c: ExactlyOnce): boolean {
  return (
    c.ledger.missing === 0 && c.ledger.extra === 0 &&
    deadlinesOnce(c.deadlines) &&
    c.outbox.notDone === 0 && c.notifications.wrongCount === 0
  );
}

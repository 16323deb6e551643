import type pg from 'pg';
import { MACHINE_VERSION } from '../machines/submission.machine.ts';
import { createSubmission, persist } from '../machines/submission.runtime.ts';
import { addDays, shanghaiDate, startOfDay } from '../src/time/shanghai.ts';
import type { WorkCalendar } from '../src/time/work-calendar.ts';

/**
 * The timers load of the scale-out benchmark, made with set-based SQL: items waiting for sign-off
 * (待审签) whose three deadline effects fall due during the run, in this order, at a steady rate:
 * the approver's reminder, `mark_late` a quarter of the window later, `expire` half a window later.
 * Each item is written as the command service writes it (item, its `create` and `request_signoff`
 * history rows, and the outbox rows those steps leave: `deadlines` and the `signoff_requested`
 * notice), so that the workers' relays schedule its jobs exactly as for an item made through the API.
 */
export interface TimerFixtureOptions {
  count: number;
  /** Units and, for each, the editor who stands as the items' author. */
  units: { code: string; name: string; editorId: string; editorName: string }[];
  /** When the first reminder falls due (ms); the last item expires `windowMs` after it. */
  firstAt: number;
  windowMs: number;
  calendar: WorkCalendar;
}

/**
 * The approver's reminder comes one working day after the item started waiting, at the same time
 * of day: an item that started waiting on the working day before today is reminded today. Returns
 * how far back to date the wait so that the reminder falls due at the wanted moment.
 */
function reminderLead(calendar: WorkCalendar, now: number): number {
  let previous = addDays(shanghaiDate(now), -1);
  while (!calendar.isWorkday(previous)) previous = addDays(previous, -1);
  return startOfDay(calendar.addWorkdays(previous, 1).date) - startOfDay(previous);
}

/** A timestamp column as the command service writes it into an outbox payload (`toISOString()`). */
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export async function insertTimerItems(pool: pg.Pool, options: TimerFixtureOptions): Promise<void> {
  const { count, units, firstAt, windowMs } = options;
  const template = persist(createSubmission({ unitCode: '', dueAt: 0, staleAt: 0 }).snapshot).context;
  const lead = reminderLead(options.calendar, firstAt);
  await pool.query(
    `WITH spec AS (
       SELECT i, u.code, u.name, u.editor_id, u.editor_name,
         to_timestamp(($4::float8 + $5::float8 / 2 * i / $1) / 1000) AS remind_at
       FROM generate_series(0, $1 - 1) AS i
       JOIN unnest($2::text[], $3::text[], $6::uuid[], $7::text[]) WITH ORDINALITY AS u(code, name, editor_id, editor_name, n)
         ON u.n = i % cardinality($2::text[]) + 1
     ),
     times AS (
       SELECT *, remind_at + make_interval(secs => $5::float8 / 4000) AS due_at,
         remind_at + make_interval(secs => $5::float8 / 2000) AS stale_at,
         remind_at - make_interval(secs => $8::float8 / 1000) AS entered_at
       FROM spec
     ),
     items_in AS (
       INSERT INTO items (unit_code, external_id, title, body, event_date, state, state_entered_at, due_at, stale_at,
         snapshot, machine_version, version, created_by, created_at, updated_at)
       SELECT code, 'timer-' || i, name || '计生协开展优生优育进家庭活动（' || i || '）', '活动内容。（' || name || '计生协 张三 供稿）',
         (entered_at AT TIME ZONE 'Asia/Shanghai')::date, 'awaiting_signoff', entered_at, due_at, stale_at,
         jsonb_build_object('value', 'awaiting_signoff', 'context', $9::jsonb || jsonb_build_object(
           'unitCode', code,
           'dueAt', (extract(epoch FROM due_at) * 1000)::bigint,
           'staleAt', (extract(epoch FROM stale_at) * 1000)::bigint)),
         $10, 2, editor_id, entered_at - interval '1 hour', entered_at
       FROM times
       RETURNING id, unit_code, external_id, due_at, stale_at, state_entered_at, created_by, created_at
     ),
     named AS (
       SELECT items_in.*, t.editor_name FROM items_in JOIN times t ON items_in.external_id = 'timer-' || t.i
     ),
     history_in AS (
       INSERT INTO item_history (item_id, unit_code, seq, action, from_state, to_state, actor_id, actor_name, actor_role, at, stay_seconds)
       SELECT id, unit_code, 1, 'create', NULL, 'draft', created_by, editor_name, 'editor', created_at, NULL FROM named
       UNION ALL
       SELECT id, unit_code, 2, 'request_signoff', 'draft', 'awaiting_signoff', created_by, editor_name, 'editor', state_entered_at, 3600 FROM named
     )
     INSERT INTO outbox (item_id, history_seq, topic, payload)
     SELECT id, 1, 'deadlines', jsonb_build_object('dueAt', ${iso('due_at')}, 'staleAt', ${iso('stale_at')}) FROM named
     UNION ALL
     SELECT id, 2, 'notify', jsonb_build_object('kind', 'signoff_requested', 'unitCode', unit_code, 'reason', NULL) FROM named`,
    [
      count,
      units.map((u) => u.code),
      units.map((u) => u.name),
      firstAt,
      windowMs,
      units.map((u) => u.editorId),
      units.map((u) => u.editorName),
      lead,
      JSON.stringify({ ...template, unitCode: undefined, dueAt: undefined, staleAt: undefined }),
      MACHINE_VERSION,
    ],
  );
}

import type pg from 'pg';
import { BOOTSTRAP_ADMIN } from '../machines/actors.ts';
import { initialContext, MACHINE_VERSION } from '../machines/submission.machine.ts';
import type { Actor } from '../machines/submission.types.ts';
import { chainStart, deadlinesOf, type ScheduledJob } from '../workers/deadline-schedule.ts';
import type { QueueKit } from '../workers/queues.ts';
import { addDays, shanghaiDate, startOfDay } from '../src/time/shanghai.ts';
import type { WorkCalendar } from '../src/time/work-calendar.ts';

/**
 * Items waiting for sign-off (待审签) with pending deadlines, for the timer and scale-out
 * benchmarks, written set-based in SQL as the command path leaves them: the item (columns and
 * snapshot), its two history rows (create, request_signoff) and, where the relays are to schedule
 * the jobs (`outbox`), the outbox rows those steps leave (`deadlines` and the `signoff_requested`
 * notice). Without them, `scheduleDeadlineJobs` adds each item's pending deadline job (the soonest
 * of mark_late, the approver's reminder, the stale-soon reminder and expire: each job schedules
 * the next when it runs) with the service's own job ids, payloads, delays and queue options, as
 * the relay would.
 */
export interface FixtureUnit {
  code: string;
  name: string;
  /** Who wrote and sent the unit's items. */
  author: Pick<Actor, 'id' | 'name' | 'role'>;
}

export interface AwaitingSignoffOptions {
  items: number;
  /** Item i's deadlines and when it started waiting (epoch ms). */
  times: (i: number) => WaitTimes;
  /** Marks the fixture's items (external_id `${tag}-${i}`), so that several fixtures can share a database. */
  tag: string;
  /** The units the items go to in turn (default: every unit, written by the bootstrap admin). */
  units?: FixtureUnit[];
  /** Also the outbox rows of the two steps, for the relays to schedule the jobs. */
  outbox?: boolean;
}

export interface WaitTimes {
  dueAt: number;
  staleAt: number;
  enteredAt: number;
}

export interface PendingItem {
  id: string;
  dueAt: number;
  staleAt: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A timestamp column as the command service writes it into an outbox payload (`toISOString()`). */
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

async function everyUnit(pool: pg.Pool): Promise<FixtureUnit[]> {
  const { rows } = await pool.query<{ code: string; name: string }>('SELECT code, name FROM units ORDER BY position');
  return rows.map((row) => ({ ...row, author: BOOTSTRAP_ADMIN }));
}

/** Writes the items (in one statement) and returns them in the order of `i`. */
export async function insertAwaitingSignoff(pool: pg.Pool, options: AwaitingSignoffOptions): Promise<PendingItem[]> {
  const units = options.units ?? (await everyUnit(pool));
  const times = Array.from({ length: options.items }, (_, i) => options.times(i));
  // The machine's own initial context; unitCode, dueAt and staleAt are filled in per row.
  const context = JSON.stringify(initialContext(undefined));
  const outbox = options.outbox
    ? `, outbox_in AS (
         INSERT INTO outbox (item_id, history_seq, topic, payload)
         SELECT id, 1, 'deadlines', jsonb_build_object('dueAt', ${iso('due_at')}, 'staleAt', ${iso('stale_at')}) FROM items_in
         UNION ALL
         SELECT id, 2, 'notify', jsonb_build_object('kind', 'signoff_requested', 'unitCode', unit_code, 'reason', NULL) FROM items_in)`
    : '';
  const { rows } = await pool.query<{ id: string; due_ms: string; stale_ms: string }>(
    `WITH spec AS (
       SELECT t.n - 1 AS i, t.due_ms::bigint AS due_ms, t.stale_ms::bigint AS stale_ms, to_timestamp(t.entered_ms / 1000.0) AS entered_at,
         u.code, u.name, u.author_id, u.author_name, u.author_role
       FROM unnest($1::float8[], $2::float8[], $3::float8[]) WITH ORDINALITY AS t(due_ms, stale_ms, entered_ms, n)
       JOIN unnest($4::text[], $5::text[], $6::uuid[], $7::text[], $8::text[]) WITH ORDINALITY AS u(code, name, author_id, author_name, author_role, k)
         ON u.k = (t.n - 1) % cardinality($4::text[]) + 1
     ),
     items_in AS (
       INSERT INTO items (external_id, unit_code, title, body, event_date, major, kind, state, state_entered_at, late, due_at, stale_at,
         snapshot, machine_version, version, created_by, created_at, updated_at)
       SELECT $9 || '-' || i, code, name || '计生协开展优生优育进家庭活动（' || i || '）', '活动内容。（' || name || '计生协 张三 供稿）',
         (entered_at AT TIME ZONE 'Asia/Shanghai')::date, false, 'news', 'awaiting_signoff', entered_at, false,
         to_timestamp(due_ms / 1000.0), to_timestamp(stale_ms / 1000.0),
         jsonb_build_object('value', 'awaiting_signoff', 'context', $10::jsonb || jsonb_build_object('unitCode', code, 'dueAt', due_ms, 'staleAt', stale_ms)),
         $11, 2, author_id, entered_at - interval '1 hour', entered_at
       FROM spec
       RETURNING id, external_id, unit_code, due_at, stale_at, state_entered_at, created_at
     ),
     history_in AS (
       INSERT INTO item_history (item_id, unit_code, seq, action, from_state, to_state, actor_id, actor_name, actor_role, at, stay_seconds)
       SELECT id, unit_code, 1, 'create', NULL, 'draft', s.author_id, s.author_name, s.author_role, created_at, NULL
       FROM items_in JOIN spec s ON external_id = $9 || '-' || s.i
       UNION ALL
       SELECT id, unit_code, 2, 'request_signoff', 'draft', 'awaiting_signoff', s.author_id, s.author_name, s.author_role, state_entered_at, 3600
       FROM items_in JOIN spec s ON external_id = $9 || '-' || s.i
     )${outbox}
     SELECT id, s.due_ms, s.stale_ms FROM items_in JOIN spec s ON external_id = $9 || '-' || s.i ORDER BY s.i`,
    [
      times.map((t) => t.dueAt),
      times.map((t) => t.staleAt),
      times.map((t) => t.enteredAt),
      units.map((u) => u.code),
      units.map((u) => u.name),
      units.map((u) => u.author.id),
      units.map((u) => u.author.name),
      units.map((u) => u.author.role),
      options.tag,
      context,
      MACHINE_VERSION,
    ],
  );
  await pool.query('ANALYZE items, item_history');
  return rows.map((r) => ({ id: r.id, dueAt: Number(r.due_ms), staleAt: Number(r.stale_ms) }));
}

/** "N items falling due at a steady rate from T0", the timer benchmarks' layout. */
export interface PendingItemsOptions {
  items: number;
  /** Epoch ms of the first deadline (T0). */
  firstDueAt: number;
  /** Between two consecutive deadlines (may be fractional; each deadline is rounded to the ms). */
  spacingMs: number;
  /** stale_at − due_at (default 9 days, as a 5-workday deadline and a 14-day staleness roughly give). */
  staleAfterMs?: number;
  /** When the items entered awaiting_signoff (default: an hour before now). */
  enteredAt?: number;
  tag?: string;
}

/** Item i is due at `firstDueAt + i * spacingMs` and goes stale `staleAfterMs` later, so that only `mark_late` falls due in a window. */
export function insertPendingItems(pool: pg.Pool, options: PendingItemsOptions): Promise<PendingItem[]> {
  const enteredAt = options.enteredAt ?? Date.now() - 3_600_000;
  const staleAfterMs = options.staleAfterMs ?? 9 * DAY_MS;
  return insertAwaitingSignoff(pool, {
    items: options.items,
    tag: options.tag ?? 'timers',
    times: (i) => {
      const dueAt = options.firstDueAt + Math.round(i * options.spacingMs);
      return { dueAt, staleAt: dueAt + staleAfterMs, enteredAt };
    },
  });
}

/**
 * The scale-out benchmark's timers load: items whose three deadline effects fall due during the
 * run, in this order, at a steady rate: the approver's reminder, `mark_late` a quarter of the
 * window later, `expire` half a window later. With their outbox rows: the relays schedule the jobs.
 */
export interface TimerItemsOptions {
  count: number;
  units: FixtureUnit[];
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

export function insertTimerItems(pool: pg.Pool, options: TimerItemsOptions): Promise<PendingItem[]> {
  const { count, firstAt, windowMs } = options;
  const lead = reminderLead(options.calendar, firstAt);
  return insertAwaitingSignoff(pool, {
    items: count,
    tag: 'timer',
    units: options.units,
    outbox: true,
    times: (i) => {
      const remindAt = firstAt + Math.round(((windowMs / 2) * i) / count);
      return { dueAt: remindAt + windowMs / 4, staleAt: remindAt + windowMs / 2, enteredAt: remindAt - lead };
    },
  });
}

export interface ScheduleSettings {
  staleReminderDays: number;
  signoffReminderWorkdays: number;
  calendar: WorkCalendar;
  /** When the items entered awaiting_signoff (as given to insertPendingItems). */
  enteredAt: number;
  /** Jobs per addBulk call (default 500). */
  chunk?: number;
  /** The clock the delays are taken from (default Date.now; tests pass theirs). */
  clock?: () => number;
}

/** The deadline job the relay leaves pending for each item: the soonest of its deadlines, with the same id and data. */
export function jobsOf(items: PendingItem[], settings: ScheduleSettings): ScheduledJob[] {
  return items.map((item) =>
    chainStart(deadlinesOf({ ...item, state: 'awaiting_signoff', enteredAt: settings.enteredAt, reminded: false }, settings, settings.calendar)),
  );
}

/**
 * Adds the jobs to the kit's deadlines queue (its default job options apply, as to the relay's
 * adds), soonest first, so that the jobs that fall due first are in place first. Returns when the
 * last one is added.
 */
export async function scheduleDeadlineJobs(kit: QueueKit, jobs: ScheduledJob[], chunk = 500, clock: () => number = Date.now): Promise<number> {
  const queue = kit.queue('deadlines');
  const sorted = [...jobs].sort((a, b) => a.runAt - b.runAt);
  for (let start = 0; start < sorted.length; start += chunk) {
    const now = clock();
    await queue.addBulk(
      sorted.slice(start, start + chunk).map((job) => ({
        name: job.data.event,
        data: job.data,
        opts: { jobId: job.jobId, delay: Math.max(0, job.runAt - now) },
      })),
    );
  }
  return sorted.length;
}

/** Both steps: the items, then their jobs. */
export async function createDeadlineFixture(pool: pg.Pool, kit: QueueKit, options: PendingItemsOptions, settings: Omit<ScheduleSettings, 'enteredAt'>) {
  const clock = settings.clock ?? Date.now;
  const enteredAt = options.enteredAt ?? clock() - 3_600_000;
  const items = await insertPendingItems(pool, { ...options, enteredAt });
  const jobs = await scheduleDeadlineJobs(kit, jobsOf(items, { ...settings, enteredAt }), settings.chunk, clock);
  return { items, jobs, scheduledAt: Date.now() };
}

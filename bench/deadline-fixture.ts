import type pg from 'pg';
import { BOOTSTRAP_ADMIN } from '../machines/actors.ts';
import { initialContext, MACHINE_VERSION } from '../machines/submission.machine.ts';
import type { Actor } from '../machines/submission.types.ts';
import { chainStart, deadlinesOf, type ScheduledJob } from '../workers/deadline-schedule.ts';
import type { QueueKit } from '../workers/queues.ts';
import type { WorkCalendar } from '../src/time/work-calendar.ts';

/**
 * "N items with pending deadlines falling due at a steady rate from T0", for the timer benchmarks:
 * items waiting for sign-off as the command path leaves them (columns, snapshot, the two history
 * rows create and request_signoff), written set-based in SQL, and their pending deadline job (the
 * soonest of mark_late, the approver's reminder, the stale-soon reminder and expire: each job
 * schedules the next when it runs) with the service's own job ids, payloads, delays and queue
 * options — what the outbox relay leaves.
 *
 * Item i (0-based) is due at `firstDueAt + i * spacingMs`; it goes stale `staleAfterMs` later,
 * so that only the `mark_late` jobs fall due within a benchmark's window.
 */
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
  /** Marks the fixture's items (external_id prefix), so that several fixtures can share a database. */
  tag?: string;
  /** Who created and sent the items (default the bootstrap admin). */
  actor?: Pick<Actor, 'id' | 'name' | 'role'>;
}

export interface PendingItem {
  id: string;
  dueAt: number;
  staleAt: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Inserts the items and their history in three statements; returns them in due order. */
export async function insertPendingItems(pool: pg.Pool, options: PendingItemsOptions): Promise<PendingItem[]> {
  const tag = options.tag ?? 'timers';
  const actor = options.actor ?? BOOTSTRAP_ADMIN;
  const enteredAt = options.enteredAt ?? Date.now() - 3_600_000;
  const staleAfterMs = options.staleAfterMs ?? 9 * DAY_MS;
  // The machine's own initial context; unitCode, dueAt and staleAt are filled in per row.
  const context = JSON.stringify(initialContext(undefined));
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `
      CREATE TEMP TABLE fixture_rows ON COMMIT DROP AS
      SELECT g.i, u.codes[1 + g.i % array_length(u.codes, 1)] AS unit_code,
        $2::bigint + round(g.i * $3::float8)::bigint AS due_ms, $2::bigint + round(g.i * $3::float8)::bigint + $4::bigint AS stale_ms
      FROM generate_series(0, $1::int - 1) AS g(i), (SELECT array_agg(code ORDER BY position) AS codes FROM units) AS u`,
      [options.items, options.firstDueAt, options.spacingMs, staleAfterMs],
    );
    await client.query(
      `
      INSERT INTO items (external_id, unit_code, title, body, event_date, major, kind, state, state_entered_at, late,
        due_at, stale_at, snapshot, machine_version, version, created_by, created_at, updated_at)
      SELECT $1 || '-' || r.i, r.unit_code, '计生协开展活动（' || r.i || '）', '', (to_timestamp($2 / 1000.0) AT TIME ZONE 'Asia/Shanghai')::date,
        false, 'news', 'awaiting_signoff', to_timestamp($2 / 1000.0), false,
        to_timestamp(r.due_ms / 1000.0), to_timestamp(r.stale_ms / 1000.0),
        jsonb_build_object('value', 'awaiting_signoff',
          'context', $3::jsonb || jsonb_build_object('unitCode', r.unit_code, 'dueAt', r.due_ms, 'staleAt', r.stale_ms)),
        $4, 2, $5, to_timestamp($2 / 1000.0 - 60), to_timestamp($2 / 1000.0)
      FROM fixture_rows r`,
      [tag, enteredAt, context, MACHINE_VERSION, actor.id],
    );
    await client.query(
      `
      INSERT INTO item_history (item_id, unit_code, seq, action, from_state, to_state, actor_id, actor_name, actor_role, at, stay_seconds)
      SELECT i.id, i.unit_code, h.seq, h.action, h.from_state, h.to_state, $2, $3, $4, i.created_at + h.after, h.stay
      FROM items i, (VALUES
          (1, 'create', NULL, 'draft', interval '0', NULL::float8),
          (2, 'request_signoff', 'draft', 'awaiting_signoff', interval '60 seconds', 60)
        ) AS h(seq, action, from_state, to_state, after, stay)
      WHERE i.external_id LIKE $1 || '-%'`,
      [tag, actor.id, actor.name, actor.role],
    );
    const { rows } = await client.query<{ id: string; due_ms: string; stale_ms: string }>(
      `SELECT i.id, r.due_ms, r.stale_ms FROM fixture_rows r JOIN items i ON i.external_id = $1 || '-' || r.i ORDER BY r.i`,
      [tag],
    );
    await client.query('COMMIT');
    await client.query('ANALYZE items, item_history');
    return rows.map((r) => ({ id: r.id, dueAt: Number(r.due_ms), staleAt: Number(r.stale_ms) }));
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
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

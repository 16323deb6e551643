import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/database.ts';
import { stateLabel, statesTagged } from '../../../machines/submission.runtime.ts';
import { STATES } from '../../../machines/submission.types.ts';
import { endOfDay, startOfDay } from '../../time/shanghai.ts';
import type { UnitDirectory } from '../unit-directory.ts';

const DAY_MS = 24 * 3600 * 1000;
/** The states in which an item waits for someone after its editor (the approvers' and reviewers' queues), in the lifecycle's order. */
const WAITING_STATES = new Set([...statesTagged('queue:approver'), ...statesTagged('queue:reviewer')]);
const WAITING = STATES.filter((state) => WAITING_STATES.has(state)).map((queue) => ({ queue, label: stateLabel(queue) }));

export interface QueueFigures {
  state: string;
  label: string;
  count: number;
  oldestSince: string | null;
  oldestAgeHours: number | null;
  late: number;
  staleWithin2Days: number;
}

/** How items are moving now: counts per state and unit, and each waiting queue's size and age. */
export async function pipeline(db: Kysely<Database>, units: UnitDirectory, now: number) {
  const counts = await db.selectFrom('state_counts').select(['unit_code', 'state', 'n']).where('n', '>', 0).execute();
  const byState: Record<string, number> = Object.fromEntries(STATES.map((s) => [s, 0]));
  const byUnit = new Map(units.list.map((u) => [u.code, Object.fromEntries(STATES.map((s) => [s, 0])) as Record<string, number>]));
  for (const { unit_code, state, n } of counts) {
    byState[state] = (byState[state] ?? 0) + n;
    const unitCounts = byUnit.get(unit_code);
    if (unitCounts) unitCounts[state] = n;
  }
  const soon = new Date(now + 2 * DAY_MS);
  const nowDate = new Date(now);
  const queues = await db
    .selectFrom('items')
    .select([
      'state',
      sql<number>`count(*)::int`.as('count'),
      sql<Date | null>`min(state_entered_at)`.as('oldest'),
      sql<number>`count(*) FILTER (WHERE late)::int`.as('late'),
      sql<number>`count(*) FILTER (WHERE state = 'submitted' AND stale_at >= ${nowDate} AND stale_at < ${soon})::int`.as('stale_soon'),
    ])
    .where('state', 'in', WAITING.map((w) => w.queue))
    .groupBy('state')
    .execute();
  const found = new Map(queues.map((q) => [q.state, q]));
  return {
    asOf: nowDate.toISOString(),
    states: byState,
    units: units.list.map((u) => ({ unitCode: u.code, unitName: u.name, counts: byUnit.get(u.code) ?? {} })),
    queues: WAITING.map(({ queue, label }): QueueFigures => {
      const q = found.get(queue);
      const oldest = q?.oldest ? new Date(q.oldest) : null;
      return {
        state: queue,
        label,
        count: q?.count ?? 0,
        oldestSince: oldest ? oldest.toISOString() : null,
        oldestAgeHours: oldest ? Math.round(((now - oldest.getTime()) / 3600_000) * 10) / 10 : null,
        late: q?.late ?? 0,
        staleWithin2Days: q?.stale_soon ?? 0,
      };
    }),
  };
}

export interface DurationFigures {
  count: number;
  medianHours: number | null;
  p90Hours: number | null;
}

/**
 * Median and 90th percentile of `end - begin` over the items whose `end` falls in the period, read
 * through the covering indexes on `first_submitted_at` and `decided_at`.
 */
function durationStats(
  db: Kysely<Database>,
  end: 'first_submitted_at' | 'decided_at',
  begin: 'created_at' | 'submitted_at',
  from: Date,
  to: Date,
) {
  const seconds = sql`extract(epoch FROM ${sql.ref(end)} - ${sql.ref(begin)})`;
  return db
    .selectFrom('items')
    .select([
      sql<number>`count(*)::int`.as('count'),
      sql<number | null>`percentile_cont(0.5) WITHIN GROUP (ORDER BY ${seconds})`.as('median'),
      sql<number | null>`percentile_cont(0.9) WITHIN GROUP (ORDER BY ${seconds})`.as('p90'),
    ])
    .where(end, '>=', from)
    .where(end, '<=', to)
    .executeTakeFirstOrThrow();
}

const hours = (seconds: number | null) => (seconds === null ? null : Math.round((seconds / 3600) * 10) / 10);

/** Transitions per day and action, time from draft to submitted and from submitted to a decision, adoption rates. */
export async function flow(db: Kysely<Database>, units: UnitDirectory, from: string, to: string) {
  const start = new Date(startOfDay(from));
  const end = new Date(endOfDay(to));
  const [transitions, toSubmitted, toDecision, rates, stays] = await Promise.all([
    db
      .selectFrom('transition_daily')
      .select(['day', 'action', sql<number>`sum(n)::int`.as('count')])
      .where('day', '>=', from)
      .where('day', '<=', to)
      .groupBy(['day', 'action'])
      .orderBy('day')
      .orderBy('action')
      .execute(),
    durationStats(db, 'first_submitted_at', 'created_at', start, end),
    durationStats(db, 'decided_at', 'submitted_at', start, end),
    db
      .selectFrom('score_daily')
      .select(['unit_code', 'kind', sql<number>`sum(entries)::int`.as('n')])
      .where('day', '>=', from)
      .where('day', '<=', to)
      .where('kind', 'in', ['submitted', 'adopted'])
      .groupBy(['unit_code', 'kind'])
      .execute(),
    db
      .selectFrom('state_time_daily')
      .select(['state', sql<number>`sum(stays)::int`.as('stays'), sql<number>`sum(seconds)::float8`.as('seconds')])
      .where('day', '>=', from)
      .where('day', '<=', to)
      .groupBy('state')
      .orderBy('state')
      .execute(),
  ]);
  const duration = (d: { count: number; median: number | null; p90: number | null }): DurationFigures => ({
    count: d.count,
    medianHours: hours(d.median === null ? null : Number(d.median)),
    p90Hours: hours(d.p90 === null ? null : Number(d.p90)),
  });
  const perUnit = new Map<string, { submitted: number; adopted: number }>();
  for (const r of rates) {
    const entry = perUnit.get(r.unit_code) ?? { submitted: 0, adopted: 0 };
    entry[r.kind as 'submitted' | 'adopted'] = r.n;
    perUnit.set(r.unit_code, entry);
  }
  return {
    from,
    to,
    transitions,
    durations: { draftToSubmitted: duration(toSubmitted), submittedToDecision: duration(toDecision) },
    /** Stays that ended in the period, per state: how many and how long on average. */
    timeInState: stays.map((s) => ({ state: s.state, stays: s.stays, averageHours: hours(s.stays > 0 ? s.seconds / s.stays : null) })),
    adoptionRate: units.list.map((u) => {
      const { submitted, adopted } = perUnit.get(u.code) ?? { submitted: 0, adopted: 0 };
      return { unitCode: u.code, unitName: u.name, submitted, adopted, rate: submitted > 0 ? Math.round((adopted / submitted) * 1000) / 1000 : null };
    }),
  };
}

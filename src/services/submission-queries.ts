import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type pg from 'pg';
import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { RECORD_COLUMNS, readItemRecord, type RecordRow } from '../../db/queries/item-commands.ts';
import { statesTagged } from '../../machines/submission.runtime.ts';
import type { Actor, SubmissionState } from '../../machines/submission.types.ts';
import { errors } from '../errors.ts';
import { SEARCH_TUNING, searchItems, type ItemList, type SearchStep, type SearchTuning } from './search.ts';
import { canSee, unitScopeOf } from './submission-commands.ts';
import { recordFromRow, toView, type SubmissionView } from './submission-record.ts';
import type { UnitDirectory } from './unit-directory.ts';

export interface ListFilter {
  /** Words each of which must occur in the title or the body (substring, case-insensitive). */
  q?: string;
  state?: SubmissionState;
  unitCode?: string;
  /** Event dates from and to, inclusive. */
  from?: string;
  to?: string;
  limit: number;
  cursor?: string;
}

/** Narrows the caller's queue (`GET /v1/tasks`); the queue itself stays the role's. */
export interface TaskFilter {
  unitCode?: string;
  state?: SubmissionState;
  late?: boolean;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Which items wait for this actor's action (`GET /v1/tasks`): the machine's `queue:<role>` tags. */
const TASK_STATES: Partial<Record<Actor['role'], SubmissionState[]>> = {
  editor: statesTagged('queue:editor'),
  approver: statesTagged('queue:approver'),
  reviewer: statesTagged('queue:reviewer'),
};

/**
 * A page cursor: where the previous page ended, as [time, id]. The service makes it from a row's
 * `toISOString()` (or 'infinity' for an item without deadline) and its uuid; anything else, and
 * so every cursor the service did not make, is refused here, before it can reach a SQL cast.
 */
const TIME_PATTERN = /^[12]\d{3}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const isIsoTime = (s: string) => TIME_PATTERN.test(s) && new Date(s).toISOString() === s;
const cursorTime = z.union([z.literal('infinity'), z.string().refine(isIsoTime)]);
const cursorParts = z.tuple([cursorTime, z.guid()]);

function encodeCursor(parts: [string, string]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw errors.invalidCursor();
  }
  const parsed = cursorParts.safeParse(parts);
  if (!parsed.success) throw errors.invalidCursor();
  return parsed.data;
}

/** The caller's queue narrowed by the task filters: they only ever take items away from it. */
function narrowTasks<Q extends SelectQueryBuilder<Database, 'items', object>>(query: Q, filter: TaskFilter): Q {
  let narrowed = query;
  if (filter.unitCode) narrowed = narrowed.where('unit_code', '=', filter.unitCode) as Q;
  if (filter.state) narrowed = narrowed.where('state', '=', filter.state) as Q;
  if (filter.late !== undefined) narrowed = narrowed.where('late', '=', filter.late) as Q;
  return narrowed;
}

/** Reads of items for the API: always scoped to what the caller may see. */
export class SubmissionQueries {
  private readonly db: Kysely<Database>;
  private readonly pool: pg.Pool;
  private readonly units: UnitDirectory;
  private readonly clock: () => number;
  private readonly searchTuning: SearchTuning;
  private readonly onSearch: ((steps: SearchStep[]) => void) | undefined;

  constructor(db: Kysely<Database>, pool: pg.Pool, units: UnitDirectory, clock: () => number, options: { search?: Partial<SearchTuning>; onSearch?: (steps: SearchStep[]) => void } = {}) {
    this.db = db;
    this.pool = pool;
    this.units = units;
    this.clock = clock;
    this.searchTuning = { ...SEARCH_TUNING, ...options.search };
    this.onSearch = options.onSearch;
  }

  async get(actor: Actor, id: string): Promise<SubmissionView> {
    const row = await readItemRecord(this.pool, id);
    if (!row || !canSee(actor, row.unit_code)) throw errors.notFound('Submission');
    return toView(recordFromRow(row), actor, this.clock(), this.units);
  }

  async list(actor: Actor, filter: ListFilter): Promise<Page<SubmissionView>> {
    const scopeUnit = unitScopeOf(actor) ?? filter.unitCode;
    if (filter.unitCode && scopeUnit !== filter.unitCode) return { items: [], nextCursor: null };
    const cursor = filter.cursor ? decodeCursor(filter.cursor) : null;
    const listed = (db: Kysely<Database>) => {
      let query = db.selectFrom('items').select(RECORD_COLUMNS);
      if (scopeUnit) query = query.where('unit_code', '=', scopeUnit);
      if (filter.state) query = query.where('state', '=', filter.state);
      if (filter.from) query = query.where('event_date', '>=', filter.from);
      if (filter.to) query = query.where('event_date', '<=', filter.to);
      if (cursor) query = query.where(sql<boolean>`(created_at, id) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`);
      return query.orderBy('created_at', 'desc').orderBy('id', 'desc');
    };
    const wanted = filter.limit + 1;
    const rows = filter.q ? await this.search(listed, filter.q, wanted) : await listed(this.db).limit(wanted).execute();
    return this.page(actor, rows, filter.limit, (last) => [last.created_at.toISOString(), last.id]);
  }

  private async search(listed: (db: Kysely<Database>) => ItemList, q: string, wanted: number) {
    const { rows, steps } = await searchItems(this.db, listed, q, wanted, this.searchTuning);
    this.onSearch?.(steps);
    return rows;
  }

  /** Items waiting for this caller, soonest deadline first; a claimed item stays with its claimer. */
  async tasks(actor: Actor, limit: number, cursor?: string, filter: TaskFilter = {}): Promise<Page<SubmissionView>> {
    const deadline = sql<Date>`coalesce(queue_deadline, 'infinity'::timestamptz)`;
    const items = this.taskItems(actor);
    if (!items) return { items: [], nextCursor: null };
    let query = narrowTasks(items, filter).select([...RECORD_COLUMNS, 'queue_deadline']);
    if (cursor) {
      const [at, id] = decodeCursor(cursor);
      query = query.where(sql<boolean>`(${deadline}, id) > (${at}::timestamptz, ${id}::uuid)`);
    }
    const rows = await query.orderBy(deadline).orderBy('id').limit(limit + 1).execute();
    return this.page(actor, rows, limit, (last) => [last.queue_deadline?.toISOString() ?? 'infinity', last.id]);
  }

  /** How many items wait for this caller (the count beside `GET /v1/tasks`), with the same filters. */
  async countTasks(actor: Actor, filter: TaskFilter = {}): Promise<number> {
    const items = this.taskItems(actor);
    if (!items) return 0;
    const row = await narrowTasks(items, filter).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** The items of the caller's queue, before paging: one definition for the list and its count. */
  private taskItems(actor: Actor) {
    const states = TASK_STATES[actor.role];
    if (!states) return null;
    let query = this.db.selectFrom('items').where('state', 'in', states);
    const unit = unitScopeOf(actor);
    if (unit) query = query.where('unit_code', '=', unit);
    if (actor.role === 'reviewer') {
      query = query.where((eb) => eb.or([eb('claimed_by', 'is', null), eb('claimed_by', '=', actor.id)]));
    }
    return query;
  }

  /** One page of views from `limit + 1` rows; the extra row only says that there is a next page. */
  private page<Row extends RecordRow>(actor: Actor, rows: Row[], limit: number, cursorOf: (last: Row) => [string, string]): Page<SubmissionView> {
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const now = this.clock();
    return {
      items: page.map((row) => toView(recordFromRow(row), actor, now, this.units)),
      nextCursor: rows.length > limit && last ? encodeCursor(cursorOf(last)) : null,
    };
  }
}


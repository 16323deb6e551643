import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { RecordRow } from '../../db/queries/item-commands.ts';

/** Items in the order a list shows them (newest first, by created_at and id), before paging. */
export type ItemList = SelectQueryBuilder<Database, 'items', RecordRow>;

/** The words of a search: whitespace (also the ideographic space) separates them. */
export const searchTerms = (q: string) => q.split(/\s+/u).filter(Boolean);

const escapeLike = (term: string) => term.replace(/[\\%_]/g, '\\$&');

/** Terms of three characters or more have trigrams of their own in titles and bodies. */
const TRIGRAM_LENGTH = 3;

const likeOf = (term: string) => sql.raw(term.toLowerCase() === term.toUpperCase() ? 'LIKE' : 'ILIKE');

/**
 * The title and the body as one text, the expression of the trigram index of migration 0011: a
 * term holds no line break, so it is in the joined text exactly when it is in the title or the body.
 */
const SEARCH_TEXT = sql.raw(`(title || E'\\n' || body)`);

/** Which of a search's terms a condition is about. */
type Terms = 'all' | 'long' | 'short';

const isLong = (term: string) => [...term].length >= TRIGRAM_LENGTH;

/**
 * The same text as SEARCH_TEXT in an expression no index has: a short term's LIKE on it is only
 * ever a filter of the rows found. On SEARCH_TEXT the planner could make it a condition of the
 * trigram index, which for a pattern with no trigram of its own means reading the whole index.
 */
const UNINDEXED_TEXT = sql.raw(`concat_ws(E'\\n', title, body)`);

/**
 * Every term (or only those of three characters or more, or only the shorter ones) in the title or
 * the body: the exact condition, and for the terms of three characters or more the condition of
 * one trigram index scan (all terms at once). LIKE where case cannot matter (Chinese, digits), as
 * it is cheaper than ILIKE. Null when no term is left.
 */
function searchCondition(q: string, which: Terms = 'all') {
  const conditions = searchTerms(q)
    .filter((term) => which === 'all' || isLong(term) === (which === 'long'))
    .map((term) => sql<boolean>`${which === 'short' ? UNINDEXED_TEXT : SEARCH_TEXT} ${likeOf(term)} ${`%${escapeLike(term)}%`}`);
  return conditions.length > 0 ? sql<boolean>`(${sql.join(conditions, sql` AND `)})` : null;
}

/**
 * For terms of one or two characters, which have no trigram in the text itself: their characters,
 * all of which the item's characters must hold (`item_search_chars`, migration 0017, lower-cased as
 * the index is). Not exact for two characters (both may occur apart): the rows it finds are checked
 * with `searchCondition`. Null when there is no such term.
 */
function shortTermsCondition(q: string) {
  const short = searchTerms(q).filter((term) => !isLong(term));
  if (short.length === 0) return null;
  // Split and lower-cased by the database, as the index was: the planner folds it into a constant array.
  return sql<boolean>`(item_search_chars(title, body) COLLATE "C") @> regexp_split_to_array(lower(${short.join('')}), '')`;
}

export interface SearchTuning {
  /** How many of the newest items a search reads in order before it turns to the indexes. */
  window: number;
  /** How many times the time a slice is expected to need it reads (a margin for uneven density). */
  margin: number;
  /** Slices of time read through the indexes before the rest is asked at once. */
  slices: number;
  /**
   * A slice expected to span more periods than this is not read: the rest is asked at once. Each
   * period is one more index scan, and a word that thinly spread has few matches in all.
   */
  maxSlicePeriods: number;
}

export const SEARCH_TUNING: SearchTuning = { window: 5000, margin: 2, slices: 4, maxSlicePeriods: 24 };

/** Which steps a search took (the tests check that each is exercised). */
export type SearchStep = 'window' | 'slice' | 'rest';

/** The search indexes' time column (migration 0016): 30-day periods since 1970, numbered from 0. */
const PERIOD_MS = 30 * 86_400_000;
const SEARCH_PERIOD = sql.raw('item_search_period(created_at)');
const periodOf = (ms: number) => Math.floor(ms / PERIOD_MS);

/**
 * The first `wanted` items, newest first, of those `listed` gives that match `q`: the same rows
 * in the same order as filtering the whole list, read in three steps, because the planner cannot
 * tell a common word from a rare one (Postgres keeps no statistics on values over 1 kB, so on no
 * real body), and because an ORDER BY … LIMIT over the trigram indexes fetches and rechecks every
 * match before it can sort them:
 *
 * 1. the newest `window` items, read in order: a common word fills the page here;
 * 2. if the window held some matches (a word of middling frequency), slices of time going back
 *    from the window's oldest item, each sized from the matches found so far to fill the page and
 *    read through the indexes by its 30-day periods (one exact index entry each, migration 0016),
 *    so that only the slice's matches are fetched;
 * 3. what is left (a rare word: few matches in all), through the trigram indexes at once.
 */
export async function searchItems(
  db: Kysely<Database>,
  listed: (db: Kysely<Database>) => ItemList,
  q: string,
  wanted: number,
  tuning: SearchTuning = SEARCH_TUNING,
): Promise<{ rows: RecordRow[]; steps: SearchStep[] }> {
  const steps: SearchStep[] = ['window'];
  const condition = searchCondition(q)!;
  const rows = await db
    .selectFrom(listed(db).limit(tuning.window).as('newest'))
    .selectAll()
    .where(condition)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(wanted)
    .execute();
  if (rows.length === wanted) return { rows, steps };
  const bounds = await windowBounds(db, listed, tuning.window);
  if (!bounds) return { rows, steps }; // the window held every item of the list
  const seen = new Set(rows.map((row) => row.id));
  /**
   * The matches in `query` (items no newer than the window's oldest), newest first, up to the
   * page: the first read includes the window's oldest instant, whose window items were read.
   */
  const readOn = async (query: (limit: number) => Promise<RecordRow[]>) => {
    const need = wanted - rows.length;
    const found = await query(need + seen.size);
    rows.push(...found.filter((row) => !seen.has(row.id)).slice(0, need));
    return rows.length === wanted;
  };
  let top: Top = { at: bounds.oldest, inclusive: true };
  const indexes = await searchIndexesOf(db);
  if (indexes === 'none') {
    steps.push('rest');
    await readOn(firstOf(below(listed(db), top).where(condition)));
    return { rows, steps };
  }
  // Through the indexes: long words by their trigrams (exact once rechecked), short words by their
  // characters, then checked on the rows found.
  const parts = [searchCondition(q, 'long'), shortTermsCondition(q), searchCondition(q, 'short')];
  const indexed = (query: ItemList) => parts.reduce((narrowed, part) => (part ? narrowed.where(part) : narrowed), query);
  return db.transaction().execute(async (trx) => {
    // Bitmap scans only: the search indexes, not a walk of the creation-time index testing every row.
    await sql`SET LOCAL enable_seqscan = off`.execute(trx);
    await sql`SET LOCAL enable_indexscan = off`.execute(trx);
    let topMs = bounds.oldestMs;
    let highest = bounds.oldestPeriod; // the period of `top`, as the database reckons it
    // Without the period in the indexes, each period's branch would read every match of the words: the rest at once is cheaper.
    const slices = indexes === 'words by period' ? tuning.slices : 0;
    for (let slice = 0; slice < slices && rows.length > 0 && bounds.newestMs > topMs; slice += 1) {
      const matchesPerMs = rows.length / (bounds.newestMs - topMs);
      const lowest = Math.min(highest, periodOf(topMs - ((wanted - rows.length) / matchesPerMs) * tuning.margin));
      if (highest - lowest + 1 > tuning.maxSlicePeriods) break;
      const periods = Array.from({ length: highest - lowest + 1 }, (_, k) => highest - k);
      steps.push('slice');
      if (await readOn(inPeriods(trx, periods, (period) => indexed(below(listed(trx), top)).where(sql<boolean>`${SEARCH_PERIOD} = ${period}`)))) {
        return { rows, steps };
      }
      topMs = lowest * PERIOD_MS; // every item from here on to the old top was read
      highest = lowest - 1;
      top = { at: new Date(topMs).toISOString(), inclusive: false };
    }
    steps.push('rest');
    await readOn(firstOf(indexed(below(listed(trx), top))));
    return { rows, steps };
  });
}

/** The first matches of a list, newest first. */
const firstOf = (query: ItemList) => (limit: number) => query.limit(limit).execute();

/**
 * The first matches of each period's list, newest first: one query, a branch per period, so that
 * each branch names a single period, which the planner always takes into the index scan (with
 * `period = ANY(…)` it may scan for the words alone and filter every match by its period).
 */
const inPeriods = (db: Kysely<Database>, periods: number[], inPeriod: (period: number) => ItemList) => (limit: number) => {
  const branches = periods.map((period, k) => db.selectFrom(inPeriod(period).limit(limit).as(`period_${k}`)).selectAll());
  const slice = branches.slice(1).reduce((all, branch) => all.unionAll(branch), branches[0]);
  return db.selectFrom(slice.as('slice')).selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
};

/** The upper end of a read in time: a timestamptz literal, exact to the microsecond. */
type Top = { at: string; inclusive: boolean };

/**
 * Items no newer than `top`, by a plain range on created_at (the page's order breaks ties by id,
 * but `top` is always a whole instant: the window's oldest, read inclusive, or a period's start).
 */
const below = (query: ItemList, top: Top) => query.where(sql<boolean>`created_at ${sql.raw(top.inclusive ? '<=' : '<')} ${top.at}::timestamptz`);

/**
 * The creation time of the list's newest item and the position of the window's oldest, or null
 * when the list holds no more than the window. Index-only reads of the window's positions.
 */
async function windowBounds(db: Kysely<Database>, listed: (db: Kysely<Database>) => ItemList, window: number) {
  // As text and as epoch milliseconds: a JavaScript Date would drop the microseconds.
  const positions = listed(db)
    .clearSelect()
    .select([
      sql<string>`created_at::text`.as('at'),
      sql<number>`extract(epoch FROM created_at) * 1000`.as('ms'),
      sql<number>`${SEARCH_PERIOD}`.as('period'),
    ]);
  const [newest, [oldest, beyond]] = await Promise.all([positions.limit(1).executeTakeFirst(), positions.offset(window - 1).limit(2).execute()]);
  if (!newest || !oldest || !beyond) return null;
  return { oldest: oldest.at, oldestMs: Number(oldest.ms), oldestPeriod: Number(oldest.period), newestMs: Number(newest.ms) };
}

/**
 * Which search indexes the database has: none where pg_trgm is missing (search then scans), with
 * or without the period as a column (migrations 0015 and 0016 need btree_gin as well).
 */
type SearchIndexes = 'none' | 'words' | 'words by period';

const searchIndexes = new WeakMap<Kysely<Database>, Promise<SearchIndexes>>();

function searchIndexesOf(db: Kysely<Database>): Promise<SearchIndexes> {
  let known = searchIndexes.get(db);
  if (!known) {
    known = sql<{ text: string | null; chars: string | null }>`
      SELECT pg_get_indexdef(to_regclass('items_search_text_idx')) AS text, pg_get_indexdef(to_regclass('items_search_chars_idx')) AS chars`
      .execute(db)
      .then(({ rows: [found] }): SearchIndexes => {
        if (!found?.text || !found.chars) return 'none';
        const byPeriod = [found.text, found.chars].every((definition) => definition.includes('item_search_period(created_at)'));
        return byPeriod ? 'words by period' : 'words';
      });
    known.catch(() => searchIndexes.delete(db)); // asked again next time
    searchIndexes.set(db, known);
  }
  return known;
}

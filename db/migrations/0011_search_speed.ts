import { sql, type Kysely } from 'kysely';

/**
 * Faster search (migration 0009's indexes, reshaped):
 *
 * - one trigram index on `title || E'\n' || body` instead of one on each: the words of a search
 *   are ANDed inside a single index scan, where the planner used one word's index and filtered the
 *   rest (a word holds no line break, so the joined text matches exactly when title or body does);
 * - the pairs text of `item_search_pairs` as a stored generated column, indexed: the index's
 *   recheck of a one- or two-character word compares stored text instead of running the function's
 *   regular expressions again for every candidate row.
 *
 * Written to apply after 0012 too (it touches only the items table's search column and indexes).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // The old indexes go first, so that adding the column (a rewrite of the table) does not rebuild them.
  await sql`
    DROP INDEX IF EXISTS items_search_pairs_idx;
    DROP INDEX IF EXISTS items_title_trgm_idx;
    DROP INDEX IF EXISTS items_body_trgm_idx;
    ALTER TABLE items ADD COLUMN search_pairs text GENERATED ALWAYS AS (item_search_pairs(title, body)) STORED;
  `.execute(db);
  const trgm = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_extension WHERE extname = 'pg_trgm'`.execute(db);
  if (trgm.rows[0]?.n !== 1) return; // no pg_trgm (see 0009): search scans
  await sql`
    CREATE INDEX items_search_text_idx ON items USING gin ((title || E'\\n' || body) gin_trgm_ops);
    CREATE INDEX items_search_pairs_text_idx ON items USING gin (search_pairs gin_trgm_ops);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const trgm = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_extension WHERE extname = 'pg_trgm'`.execute(db);
  if (trgm.rows[0]?.n === 1) {
    await sql`
      CREATE INDEX IF NOT EXISTS items_title_trgm_idx ON items USING gin (title gin_trgm_ops);
      CREATE INDEX IF NOT EXISTS items_body_trgm_idx ON items USING gin (body gin_trgm_ops);
      CREATE INDEX IF NOT EXISTS items_search_pairs_idx ON items USING gin (item_search_pairs(title, body) gin_trgm_ops);
    `.execute(db);
  }
  await sql`
    DROP INDEX IF EXISTS items_search_text_idx;
    DROP INDEX IF EXISTS items_search_pairs_text_idx;
    ALTER TABLE items DROP COLUMN IF EXISTS search_pairs;
  `.execute(db);
}

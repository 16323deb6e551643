import { sql, type Kysely } from 'kysely';

/**
 * Search back through time through the index: migration 0015's two trigram indexes get the item's
 * 30-day period (`item_search_period(created_at)`, days since 1970 divided by 30) as their second
 * column, so that a search reading back a few periods (`period = ANY(…)`, one exact index entry per
 * period) fetches only those periods' matches. Before, a word found in a few thousand items across
 * all units had every match fetched and checked to find the newest 50, because the planner would
 * not narrow the trigram scan with the creation-time index (it estimates one match for any word).
 *
 * Equality per period, not a range: a range of a GIN column is a partial match, which collects
 * every matching entry before the words narrow it (tried: slower than no period at all).
 *
 * Where 0015's indexes were not made (no pg_trgm or btree_gin), nothing changes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Immutable: the epoch of a difference of two instants does not depend on the time zone.
  await sql`
    CREATE FUNCTION item_search_period(at timestamptz) RETURNS integer
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT floor(extract(epoch FROM at - timestamptz '1970-01-01 00:00:00+00') / 2592000)::integer $$;
  `.execute(db);
  if (!(await unitLeadingIndexes(db))) return;
  await sql`
    DROP INDEX items_search_text_idx;
    DROP INDEX items_search_pairs_text_idx;
    CREATE INDEX items_search_text_idx ON items USING gin (unit_code, item_search_period(created_at), (title || E'\\n' || body) gin_trgm_ops);
    CREATE INDEX items_search_pairs_text_idx ON items USING gin (unit_code, item_search_period(created_at), search_pairs gin_trgm_ops);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (await unitLeadingIndexes(db)) {
    await sql`
      DROP INDEX items_search_text_idx;
      DROP INDEX items_search_pairs_text_idx;
      CREATE INDEX items_search_text_idx ON items USING gin (unit_code, (title || E'\\n' || body) gin_trgm_ops);
      CREATE INDEX items_search_pairs_text_idx ON items USING gin (unit_code, search_pairs gin_trgm_ops);
    `.execute(db);
  }
  await sql`DROP FUNCTION item_search_period(timestamptz)`.execute(db);
}

/** Whether migration 0015 made its indexes (both extensions were there). */
async function unitLeadingIndexes(db: Kysely<unknown>) {
  const { rows } = await sql<{ present: boolean }>`
    SELECT EXISTS (SELECT FROM pg_extension WHERE extname = 'btree_gin')
      AND to_regclass('items_search_text_idx') IS NOT NULL AS present`.execute(db);
  return rows[0]?.present === true;
}

import { sql, type Kysely } from 'kysely';

/**
 * Substring search in titles and bodies (`q` on `GET /v1/submissions`), Chinese included.
 *
 * Trigram GIN indexes on title and body serve `LIKE`/`ILIKE '%…%'` for words of three characters
 * or more (pg_trgm hashes multibyte trigrams). A shorter word has no trigram of its own, so a
 * third index covers those: `item_search_pairs` writes the text as two-character words (each
 * character with the one after it, from even and from odd positions), and its trigrams hold every
 * one- and two-character piece of the text at a word start: `pairs LIKE '% 王芳%'` narrows the
 * search for 王芳 to the items holding it.
 *
 * Where the server lacks the pg_trgm extension (a build without contrib), the indexes are left out:
 * the same queries still answer, by scanning instead.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION item_search_pairs(title text, body text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$
        SELECT ' ' || regexp_replace(t, '(..)', '\\1 ', 'g') || ' ' || regexp_replace(substr(t, 2), '(..)', '\\1 ', 'g')
        FROM (SELECT title || E'\\n' || body AS t) AS text_of_item
      $$;
  `.execute(db);
  const available = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_available_extensions WHERE name = 'pg_trgm'`.execute(db);
  if (available.rows[0]?.n !== 1) return;
  await sql`
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE INDEX items_title_trgm_idx ON items USING gin (title gin_trgm_ops);
    CREATE INDEX items_body_trgm_idx ON items USING gin (body gin_trgm_ops);
    CREATE INDEX items_search_pairs_idx ON items USING gin (item_search_pairs(title, body) gin_trgm_ops);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP INDEX IF EXISTS items_search_pairs_idx;
    DROP INDEX IF EXISTS items_title_trgm_idx;
    DROP INDEX IF EXISTS items_body_trgm_idx;
    DROP FUNCTION IF EXISTS item_search_pairs(text, text);
  `.execute(db);
}

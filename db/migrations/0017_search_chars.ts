import { sql, type Kysely } from 'kysely';

/**
 * Words of one or two characters found through each item's distinct characters instead of the
 * pairs text (migrations 0009 and 0011): `item_search_chars(title, body)`, the lower-cased text
 * split into characters, indexed with GIN's array operators (C collation: byte comparisons). A word
 * of one or two characters is looked up as its characters and checked on the rows found.
 *
 * Why: the pairs text's trigram index was most of the cost of writing an item. On bodies of about
 * 400 characters it holds some 600 different trigrams per item (the text itself some 260), about
 * 600 µs per insert; the characters are some 160 entries, about 250 µs.
 *
 * The stored `search_pairs` column goes (dropping a column does not rewrite the table), and its
 * index with it. The new index takes the layout of the title-and-body index: led by the unit and
 * the period where migrations 0015 and 0016 made them so, alone where only 0011's exists, none
 * where pg_trgm is missing (search then scans).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION item_search_chars(title text, body text) RETURNS text[]
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT regexp_split_to_array(lower(title || E'\\n' || body), '') $$;
    ALTER TABLE items DROP COLUMN search_pairs;
    DROP FUNCTION item_search_pairs(text, text);
  `.execute(db);
  const leading = await leadingColumns(db);
  if (leading === null) return;
  await sql`CREATE INDEX items_search_chars_idx ON items USING gin (${sql.raw(leading)}(item_search_chars(title, body) COLLATE "C"))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const leading = await leadingColumns(db);
  await sql`
    DROP INDEX IF EXISTS items_search_chars_idx;
    DROP FUNCTION item_search_chars(text, text);
    CREATE FUNCTION item_search_pairs(title text, body text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$
        SELECT ' ' || regexp_replace(t, '(..)', '\\1 ', 'g') || ' ' || regexp_replace(substr(t, 2), '(..)', '\\1 ', 'g')
        FROM (SELECT title || E'\\n' || body AS t) AS text_of_item
      $$;
    ALTER TABLE items ADD COLUMN search_pairs text GENERATED ALWAYS AS (item_search_pairs(title, body)) STORED;
  `.execute(db);
  if (leading === null) return;
  await sql`CREATE INDEX items_search_pairs_text_idx ON items USING gin (${sql.raw(leading)}search_pairs gin_trgm_ops)`.execute(db);
}

/**
 * The columns before the text in the title-and-body index: the unit and the period where 0015 and
 * 0016 made them (0016 rebuilt every index 0015 had made), none after 0011 alone; null when there is
 * no such index.
 */
async function leadingColumns(db: Kysely<unknown>): Promise<string | null> {
  const { rows } = await sql<{ definition: string | null }>`SELECT pg_get_indexdef(to_regclass('items_search_text_idx')) AS definition`.execute(db);
  const definition = rows[0]?.definition;
  if (!definition) return null;
  return definition.includes('item_search_period(created_at)') ? 'unit_code, item_search_period(created_at), ' : '';
}

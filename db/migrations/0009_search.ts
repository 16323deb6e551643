import { sql, type Kysely } from 'kysely';

/**
 * Substring search in titles and bodies (`q` on `GET /v1/submissions`): trigram GIN indexes, which
 * serve `LIKE`/`ILIKE '%…%'` for Chinese as for Latin text (pg_trgm hashes multibyte trigrams).
 * Where the server lacks the pg_trgm extension (a build without contrib), the indexes are left out:
 * the same queries still answer, by scanning instead.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const available = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_available_extensions WHERE name = 'pg_trgm'`.execute(db);
  if (available.rows[0]?.n !== 1) return;
  await sql`
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE INDEX items_title_trgm_idx ON items USING gin (title gin_trgm_ops);
    CREATE INDEX items_body_trgm_idx ON items USING gin (body gin_trgm_ops);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP INDEX IF EXISTS items_title_trgm_idx;
    DROP INDEX IF EXISTS items_body_trgm_idx;
  `.execute(db);
}

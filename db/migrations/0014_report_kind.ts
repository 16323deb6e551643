import { sql, type Kysely } from 'kysely';

/** Items of a third kind, 调研报告 (`report`), the answer a commission may ask for; priced as news. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE items DROP CONSTRAINT items_kind_check;
    ALTER TABLE items ADD CONSTRAINT items_kind_check CHECK (kind IN ('news', 'case', 'report'));
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    UPDATE items SET kind = 'news' WHERE kind = 'report';
    ALTER TABLE items DROP CONSTRAINT items_kind_check;
    ALTER TABLE items ADD CONSTRAINT items_kind_check CHECK (kind IN ('news', 'case'));
  `.execute(db);
}

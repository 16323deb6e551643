import { sql, type Kysely } from 'kysely';

/**
 * Marks the history rows that the historical import replayed: steps the old portal recorded, taken
 * here by the importing admin in place of the people the old portal did not name.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE item_history ADD COLUMN imported boolean NOT NULL DEFAULT false`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE item_history DROP COLUMN imported`.execute(db);
}

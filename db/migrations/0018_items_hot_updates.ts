import { sql, type Kysely } from 'kysely';

/**
 * Lets a command rewrite its item's row without touching the indexes (a heap-only tuple, HOT).
 *
 * Postgres can keep a new row version out of the indexes only if no indexed column changed and the
 * version fits on the old one's page. Every command rewrites `snapshot` (the machine's state), and
 * 0012's index on the commission id inside it made every command's update a full one: a new entry
 * in each of the thirteen indexes, the two trigram indexes included (some four hundred entries for
 * an item of a few hundred characters), for a claim that changes only who holds the item. Nothing
 * reads that index (an assignment holds its answer's item id), so it goes.
 *
 * The room: a row is about 1.8 kB (title and body inline, compressed), four to a page. At 70 %
 * three rows fill a page and leave room for the next version of one of them. Pages written before
 * keep their layout until rewritten (`VACUUM FULL items`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP INDEX items_commission_idx;
    ALTER TABLE items SET (fillfactor = 70);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE items RESET (fillfactor);
    CREATE INDEX items_commission_idx ON items ((snapshot -> 'context' ->> 'commissionId'))
      WHERE snapshot -> 'context' ->> 'commissionId' IS NOT NULL;
  `.execute(db);
}

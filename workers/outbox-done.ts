import { sql, type Kysely, type QueryCreator } from 'kysely';
import type { Database } from '../db/database.ts';

/**
 * Marks an outbox row done: its effect is recorded. Workers put this in the same statement as
 * the effect (a CTE), so a row is done exactly when its ledger entry or notifications exist.
 * A row done without the relay (the reconciler applied it) counts as dispatched too, so the
 * relay leaves it alone. A job that starts before the relay has committed its batch waits here
 * for that commit (the relay holds the batch's rows); it never overwrites the relay's stamp.
 */
export function markOutboxDone(db: Kysely<Database> | QueryCreator<Database>, outboxId: number) {
  return db
    .updateTable('outbox')
    .set({ done_at: sql<Date>`now()`, dispatched_at: sql<Date>`coalesce(dispatched_at, now())` })
    .where('id', '=', outboxId)
    .where('done_at', 'is', null);
}

import { sql, type Kysely } from 'kysely';

/**
 * An outbox row is done when its effect is recorded in Postgres (the ledger entry written, the
 * notifications stored and their webhooks queued, the deadline jobs scheduled), not when its job
 * was queued: a job lost with Redis leaves its row undone, and the reconciler applies it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE outbox ADD COLUMN done_at timestamptz;

    -- Rows already dispatched whose effect is visibly there are done. The others (a ledger entry or
    -- a fan-out that was lost, or a fan-out that reached nobody) stay undone: the reconciler applies
    -- them again, which adds only what is missing.
    UPDATE outbox SET done_at = dispatched_at
    WHERE dispatched_at IS NOT NULL AND topic = 'deadlines';
    UPDATE outbox o SET done_at = o.dispatched_at
    FROM score_entries s
    WHERE o.dispatched_at IS NOT NULL AND o.topic = 'score'
      AND s.item_id = o.item_id AND s.history_seq = o.history_seq AND s.kind = o.payload ->> 'kind';
    UPDATE outbox o SET done_at = o.dispatched_at
    FROM (SELECT DISTINCT source FROM notifications WHERE source LIKE 'outbox-%') n
    WHERE o.dispatched_at IS NOT NULL AND o.topic = 'notify' AND n.source = 'outbox-' || o.id;

    -- The reconciler's work list: small, since rows are done moments after they are written.
    CREATE INDEX outbox_undone_idx ON outbox (id) WHERE done_at IS NULL;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP INDEX outbox_undone_idx;
    ALTER TABLE outbox DROP COLUMN done_at;
  `.execute(db);
}

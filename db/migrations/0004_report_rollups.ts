import { sql, type Kysely } from 'kysely';

/**
 * Rollups that keep reports fast at millions of rows, maintained by triggers in the same
 * transaction as the rows they summarise (so they always agree with the history and the ledger).
 * The triggers are statement-level with transition tables: one aggregate upsert per statement, so
 * an import of thousands of rows costs one upsert per day and unit, not one per row. Rows are
 * upserted in key order so that concurrent statements never deadlock.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Ledger per Shanghai day, unit and kind: the period and score tables read this.
    CREATE TABLE score_daily (
      day date NOT NULL,
      unit_code text NOT NULL,
      kind text NOT NULL,
      entries int NOT NULL DEFAULT 0,
      points int NOT NULL DEFAULT 0,
      PRIMARY KEY (day, unit_code, kind)
    );

    CREATE FUNCTION score_daily_upsert(delta_rows jsonb) RETURNS void LANGUAGE sql AS $$
      INSERT INTO score_daily (day, unit_code, kind, entries, points)
      SELECT day, unit_code, kind, sum(entries), sum(points)
      FROM jsonb_to_recordset(delta_rows) AS d(day date, unit_code text, kind text, entries int, points int)
      GROUP BY day, unit_code, kind
      ORDER BY day, unit_code, kind
      ON CONFLICT (day, unit_code, kind)
      DO UPDATE SET entries = score_daily.entries + EXCLUDED.entries, points = score_daily.points + EXCLUDED.points;
    $$;

    CREATE FUNCTION score_daily_apply() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      deltas jsonb := '[]';
    BEGIN
      IF TG_OP IN ('INSERT', 'UPDATE') THEN
        deltas := deltas || coalesce((SELECT jsonb_agg(jsonb_build_object(
          'day', occurred_on, 'unit_code', unit_code, 'kind', kind, 'entries', 1, 'points', points)) FROM changed_new), '[]');
      END IF;
      IF TG_OP IN ('UPDATE', 'DELETE') THEN
        deltas := deltas || coalesce((SELECT jsonb_agg(jsonb_build_object(
          'day', occurred_on, 'unit_code', unit_code, 'kind', kind, 'entries', -1, 'points', -points)) FROM changed_old), '[]');
      END IF;
      PERFORM score_daily_upsert(deltas);
      RETURN NULL;
    END $$;
    CREATE TRIGGER score_entries_rollup_insert AFTER INSERT ON score_entries
      REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION score_daily_apply();
    CREATE TRIGGER score_entries_rollup_update AFTER UPDATE ON score_entries
      REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION score_daily_apply();
    CREATE TRIGGER score_entries_rollup_delete AFTER DELETE ON score_entries
      REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION score_daily_apply();

    -- Transitions per Shanghai day, unit and action: the flow report reads this.
    CREATE TABLE transition_daily (
      day date NOT NULL,
      unit_code text NOT NULL,
      action text NOT NULL,
      n int NOT NULL DEFAULT 0,
      PRIMARY KEY (day, action, unit_code)
    );

    -- Items per unit and state: the pipeline reads this instead of counting a million rows.
    CREATE TABLE state_counts (
      unit_code text NOT NULL,
      state text NOT NULL,
      n int NOT NULL DEFAULT 0,
      PRIMARY KEY (unit_code, state)
    );

    -- Stays per Shanghai day (of leaving), unit and state: time spent in each state.
    CREATE TABLE state_time_daily (
      day date NOT NULL,
      unit_code text NOT NULL,
      state text NOT NULL,
      stays int NOT NULL DEFAULT 0,
      seconds double precision NOT NULL DEFAULT 0,
      PRIMARY KEY (day, state, unit_code)
    );

    CREATE FUNCTION item_history_apply() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO state_time_daily (day, state, unit_code, stays, seconds)
      SELECT (at AT TIME ZONE 'Asia/Shanghai')::date, from_state, unit_code, count(*), sum(stay_seconds)
      FROM added WHERE stay_seconds IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
      ON CONFLICT (day, state, unit_code)
      DO UPDATE SET stays = state_time_daily.stays + EXCLUDED.stays, seconds = state_time_daily.seconds + EXCLUDED.seconds;

      INSERT INTO transition_daily (day, action, unit_code, n)
      SELECT (at AT TIME ZONE 'Asia/Shanghai')::date, action, unit_code, count(*)
      FROM added GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
      ON CONFLICT (day, action, unit_code) DO UPDATE SET n = transition_daily.n + EXCLUDED.n;

      INSERT INTO state_counts (unit_code, state, n)
      SELECT unit_code, state, sum(delta)
      FROM (
        SELECT unit_code, from_state AS state, -1 AS delta FROM added
        WHERE from_state IS NOT NULL AND from_state <> to_state
        UNION ALL
        SELECT unit_code, to_state, 1 FROM added WHERE from_state IS DISTINCT FROM to_state
      ) AS d
      GROUP BY 1, 2 HAVING sum(delta) <> 0 ORDER BY 1, 2
      ON CONFLICT (unit_code, state) DO UPDATE SET n = state_counts.n + EXCLUDED.n;
      RETURN NULL;
    END $$;
    CREATE TRIGGER item_history_rollup AFTER INSERT ON item_history
      REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION item_history_apply();

    -- Durations for the flow report, read by range without touching the items' heap.
    CREATE INDEX items_first_submitted_idx ON items (first_submitted_at) INCLUDE (created_at, unit_code)
      WHERE first_submitted_at IS NOT NULL;
    CREATE INDEX items_decided_idx ON items (decided_at) INCLUDE (submitted_at, unit_code)
      WHERE decided_at IS NOT NULL;
    -- Waiting queues of the pipeline.
    CREATE INDEX items_waiting_idx ON items (state, state_entered_at)
      WHERE state IN ('awaiting_signoff', 'submitted', 'forwarded_national');
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TRIGGER item_history_rollup ON item_history;
    DROP TRIGGER score_entries_rollup_insert ON score_entries;
    DROP TRIGGER score_entries_rollup_update ON score_entries;
    DROP TRIGGER score_entries_rollup_delete ON score_entries;
    DROP FUNCTION item_history_apply, score_daily_apply, score_daily_upsert;
    DROP TABLE state_time_daily, state_counts, transition_daily, score_daily;
    DROP INDEX items_first_submitted_idx, items_decided_idx, items_waiting_idx;
  `.execute(db);
}

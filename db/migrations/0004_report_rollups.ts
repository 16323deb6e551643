import { sql, type Kysely } from 'kysely';

/**
 * Rollups that keep reports fast at millions of rows, maintained by triggers in the same
 * transaction as the rows they summarise (so they always agree with the history and the ledger).
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

    CREATE FUNCTION score_daily_apply() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE score_daily SET entries = entries - 1, points = points - OLD.points
        WHERE day = OLD.occurred_on AND unit_code = OLD.unit_code AND kind = OLD.kind;
      END IF;
      IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO score_daily (day, unit_code, kind, entries, points)
        VALUES (NEW.occurred_on, NEW.unit_code, NEW.kind, 1, NEW.points)
        ON CONFLICT (day, unit_code, kind)
        DO UPDATE SET entries = score_daily.entries + 1, points = score_daily.points + EXCLUDED.points;
      END IF;
      RETURN NULL;
    END $$;
    CREATE TRIGGER score_entries_rollup AFTER INSERT OR UPDATE OR DELETE ON score_entries
      FOR EACH ROW EXECUTE FUNCTION score_daily_apply();

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

    CREATE FUNCTION item_history_apply() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO transition_daily (day, unit_code, action, n)
      VALUES ((NEW.at AT TIME ZONE 'Asia/Shanghai')::date, NEW.unit_code, NEW.action, 1)
      ON CONFLICT (day, action, unit_code) DO UPDATE SET n = transition_daily.n + 1;
      IF NEW.from_state IS DISTINCT FROM NEW.to_state THEN
        -- Rows in a fixed order (by state) so that concurrent commands never deadlock.
        INSERT INTO state_counts (unit_code, state, n)
        SELECT NEW.unit_code, v.state, v.delta
        FROM (VALUES (NEW.from_state, -1), (NEW.to_state, 1)) AS v(state, delta)
        WHERE v.state IS NOT NULL
        ORDER BY v.state
        ON CONFLICT (unit_code, state) DO UPDATE SET n = state_counts.n + EXCLUDED.n;
      END IF;
      RETURN NULL;
    END $$;
    CREATE TRIGGER item_history_rollup AFTER INSERT ON item_history
      FOR EACH ROW EXECUTE FUNCTION item_history_apply();

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
    DROP TRIGGER score_entries_rollup ON score_entries;
    DROP FUNCTION item_history_apply, score_daily_apply;
    DROP TABLE state_counts, transition_daily, score_daily;
    DROP INDEX items_first_submitted_idx, items_decided_idx, items_waiting_idx;
  `.execute(db);
}

import { sql, type Kysely } from 'kysely';

/** What transitions lead to: the score ledger and its rules, notifications, webhooks. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE scoring_rules (
      year int PRIMARY KEY,
      submitted int NOT NULL CHECK (submitted >= 0),
      adopted int NOT NULL CHECK (adopted >= 0),
      national_adopted int NOT NULL CHECK (national_adopted >= 0),
      updated_by uuid REFERENCES users (id),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    -- The 2024 values: they reproduce the association's Q2 2024 bulletin exactly.
    INSERT INTO scoring_rules (year, submitted, adopted, national_adopted) VALUES (2024, 3, 6, 10);

    -- One entry per scoring history event: retries and duplicates add nothing.
    CREATE TABLE score_entries (
      id bigserial PRIMARY KEY,
      item_id uuid NOT NULL REFERENCES items (id),
      history_seq int NOT NULL,
      unit_code text NOT NULL REFERENCES units (code),
      kind text NOT NULL CHECK (kind IN ('submitted', 'adopted', 'national_adopted')),
      points int NOT NULL,
      occurred_at timestamptz NOT NULL,
      -- The Shanghai calendar date of the event: reports count by it.
      occurred_on date NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (item_id, history_seq, kind)
    );
    CREATE INDEX score_entries_period_idx ON score_entries (occurred_on, unit_code, kind);

    CREATE TABLE notifications (
      id bigserial PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users (id),
      item_id uuid REFERENCES items (id),
      kind text NOT NULL,
      message text NOT NULL,
      source text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      read_at timestamptz,
      UNIQUE (user_id, source)
    );
    CREATE INDEX notifications_user_idx ON notifications (user_id, id DESC);

    CREATE TABLE webhooks (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      unit_code text REFERENCES units (code),
      user_id uuid REFERENCES users (id),
      url text NOT NULL,
      secret text NOT NULL,
      created_by uuid NOT NULL REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      disabled_at timestamptz,
      CHECK ((unit_code IS NULL) <> (user_id IS NULL))
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE webhooks, notifications, score_entries, scoring_rules`.execute(db);
}

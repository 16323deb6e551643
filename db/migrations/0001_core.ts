import { sql, type Kysely } from 'kysely';

/** Units, users and tokens, items with their machine snapshot, history, outbox, idempotency keys. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE units (
      code text PRIMARY KEY,
      name text NOT NULL UNIQUE,
      kind text NOT NULL CHECK (kind IN ('league', 'planned_city')),
      counties jsonb NOT NULL DEFAULT '[]',
      position int NOT NULL
    );

    CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      role text NOT NULL CHECK (role IN ('editor', 'approver', 'reviewer', 'manager', 'admin', 'system')),
      unit_code text REFERENCES units (code),
      created_at timestamptz NOT NULL DEFAULT now(),
      disabled_at timestamptz,
      CHECK ((role IN ('editor', 'approver')) = (unit_code IS NOT NULL))
    );

    -- Actors that are not people: deadline jobs, and the bootstrap admin token.
    INSERT INTO users (id, name, role) VALUES
      ('00000000-0000-0000-0000-000000000000', 'system', 'system'),
      ('00000000-0000-0000-0000-000000000001', 'bootstrap admin', 'admin');

    CREATE TABLE api_tokens (
      token_hash bytea PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz
    );

    CREATE TABLE items (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      unit_code text NOT NULL REFERENCES units (code),
      external_id text UNIQUE,
      title text NOT NULL,
      body text NOT NULL DEFAULT '',
      event_date date NOT NULL,
      major boolean NOT NULL DEFAULT false,
      kind text NOT NULL DEFAULT 'news' CHECK (kind IN ('news', 'case')),
      wechat_url text,
      state text NOT NULL,
      state_entered_at timestamptz NOT NULL,
      late boolean NOT NULL DEFAULT false,
      due_at timestamptz NOT NULL,
      stale_at timestamptz NOT NULL,
      deadline_provisional boolean NOT NULL DEFAULT false,
      first_submitted_at timestamptz,
      submitted_at timestamptz,
      adopted_at timestamptz,
      decided_at timestamptz,
      national_adopted_at timestamptz,
      claimed_by uuid REFERENCES users (id),
      signer text,
      signed_by uuid REFERENCES users (id),
      signed_at timestamptz,
      snapshot jsonb NOT NULL,
      machine_version int NOT NULL,
      version int NOT NULL DEFAULT 1,
      created_by uuid REFERENCES users (id),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      -- The deadline that orders a task queue: the reporting deadline before sign-off, staleness after.
      queue_deadline timestamptz GENERATED ALWAYS AS (
        CASE WHEN state IN ('draft', 'awaiting_signoff') THEN due_at
             WHEN state = 'submitted' THEN stale_at END
      ) STORED
    );
    CREATE INDEX items_queue_idx ON items (state, unit_code, queue_deadline, id);
    CREATE INDEX items_due_idx ON items (due_at) WHERE state IN ('draft', 'awaiting_signoff') AND NOT late;
    CREATE INDEX items_stale_idx ON items (stale_at) WHERE state IN ('draft', 'awaiting_signoff', 'submitted');
    CREATE INDEX items_unit_created_idx ON items (unit_code, created_at DESC, id DESC);
    CREATE INDEX items_created_idx ON items (created_at DESC, id DESC);

    CREATE TABLE item_history (
      id bigserial PRIMARY KEY,
      item_id uuid NOT NULL REFERENCES items (id),
      unit_code text NOT NULL,
      seq int NOT NULL,
      action text NOT NULL,
      from_state text,
      to_state text NOT NULL,
      actor_id uuid NOT NULL REFERENCES users (id),
      actor_name text NOT NULL,
      actor_role text NOT NULL,
      reason text,
      signer text,
      at timestamptz NOT NULL,
      -- For a change of state: how long the item stayed in the state it left.
      stay_seconds double precision,
      UNIQUE (item_id, seq)
    );
    CREATE INDEX item_history_at_idx ON item_history (at, action);

    -- Jobs decided inside a command's statement; the relay moves them into the queue.
    CREATE TABLE outbox (
      id bigserial PRIMARY KEY,
      item_id uuid REFERENCES items (id),
      history_seq int,
      topic text NOT NULL,
      payload jsonb NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now(),
      dispatched_at timestamptz
    );
    CREATE INDEX outbox_pending_idx ON outbox (id) WHERE dispatched_at IS NULL;

    CREATE TABLE idempotency_keys (
      user_id uuid NOT NULL REFERENCES users (id),
      key text NOT NULL,
      request_hash text NOT NULL,
      status int NOT NULL,
      response jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, key)
    );

    -- Admin corrections and extensions of the official working-day calendar.
    CREATE TABLE calendar_days (
      day date PRIMARY KEY,
      workday boolean NOT NULL,
      note text NOT NULL DEFAULT '',
      updated_by uuid REFERENCES users (id),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    -- Years an admin has entered in full (e.g. next year's schedule, published each November).
    CREATE TABLE calendar_years (
      year int PRIMARY KEY,
      note text NOT NULL DEFAULT '',
      updated_by uuid REFERENCES users (id),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE calendar_years, calendar_days, idempotency_keys, outbox, item_history, items, api_tokens, users, units`.execute(db);
}

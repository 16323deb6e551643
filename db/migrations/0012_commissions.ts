import { sql, type Kysely } from 'kysely';

/**
 * Commissions (约稿): a topic the region asks units to report on by a due date, one assignment per
 * target unit with its machine snapshot, version and history (as items have), and the items that
 * answer them (`commissionId` in the item's snapshot context, indexed here).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE commissions (
      id uuid PRIMARY KEY,
      title text NOT NULL,
      requirements text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('news', 'case', 'report')),
      all_units boolean NOT NULL,
      due_date date NOT NULL,
      due_at timestamptz NOT NULL,
      points numeric(6, 2),
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'cancelled')),
      version int NOT NULL DEFAULT 1,
      created_by uuid NOT NULL REFERENCES users (id),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      cancelled_at timestamptz
    );
    CREATE INDEX commissions_created_idx ON commissions (created_at DESC, id);

    CREATE TABLE assignments (
      commission_id uuid NOT NULL REFERENCES commissions (id),
      unit_code text NOT NULL REFERENCES units (code),
      state text NOT NULL,
      due_at timestamptz NOT NULL,
      item_id uuid REFERENCES items (id),
      late boolean NOT NULL DEFAULT false,
      snapshot jsonb NOT NULL,
      machine_version int NOT NULL,
      version int NOT NULL DEFAULT 1,
      updated_at timestamptz NOT NULL,
      state_entered_at timestamptz NOT NULL,
      PRIMARY KEY (commission_id, unit_code)
    );
    -- The unit's open assignments (tasks) and the sweeper's overdue ones.
    CREATE INDEX assignments_unit_idx ON assignments (unit_code, state);
    CREATE INDEX assignments_open_due_idx ON assignments (due_at) WHERE state = 'open';

    CREATE TABLE assignment_history (
      commission_id uuid NOT NULL,
      unit_code text NOT NULL,
      seq int NOT NULL,
      action text NOT NULL,
      from_state text,
      to_state text NOT NULL,
      actor_id uuid NOT NULL REFERENCES users (id),
      actor_name text NOT NULL,
      actor_role text NOT NULL,
      reason text,
      details jsonb,
      at timestamptz NOT NULL,
      PRIMARY KEY (commission_id, unit_code, seq),
      FOREIGN KEY (commission_id, unit_code) REFERENCES assignments (commission_id, unit_code)
    );

    -- Items answering a commission: the link lives in the item's machine context, so the item's
    -- command statements stay as they are.
    CREATE INDEX items_commission_idx ON items ((snapshot -> 'context' ->> 'commissionId'))
      WHERE snapshot -> 'context' ->> 'commissionId' IS NOT NULL;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP INDEX items_commission_idx;
    DROP TABLE assignment_history;
    DROP TABLE assignments;
    DROP TABLE commissions;
  `.execute(db);
}

import { sql, type Kysely } from 'kysely';

/**
 * Commission rules per year (like scoring rules): points for an answer on time and a penalty per
 * miss, both 0 by default so the 2024 tables stay as published. An answer on time earns a
 * `commission_answered` ledger entry (unique per assignment event through the ledger's own key).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE commission_rules (
      year int PRIMARY KEY,
      answered_on_time int NOT NULL DEFAULT 0 CHECK (answered_on_time >= 0),
      miss_penalty int NOT NULL DEFAULT 0 CHECK (miss_penalty >= 0),
      updated_by uuid REFERENCES users (id),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    INSERT INTO commission_rules (year, answered_on_time, miss_penalty) VALUES (2024, 0, 0);

    ALTER TABLE score_entries DROP CONSTRAINT score_entries_kind_check;
    ALTER TABLE score_entries ADD CONSTRAINT score_entries_kind_check
      CHECK (kind IN ('submitted', 'adopted', 'national_adopted', 'commission_answered'));
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DELETE FROM score_entries WHERE kind = 'commission_answered';
    ALTER TABLE score_entries DROP CONSTRAINT score_entries_kind_check;
    ALTER TABLE score_entries ADD CONSTRAINT score_entries_kind_check
      CHECK (kind IN ('submitted', 'adopted', 'national_adopted'));
    DROP TABLE commission_rules;
  `.execute(db);
}

import { sql, type Kysely } from 'kysely';

/**
 * Bulletins (通报) as documents with a life: a draft made for a period, its narrative sections
 * written by a manager, then issued with its date and number, when its figures are frozen.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE bulletins (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      year int NOT NULL,
      -- Null for a period other than a calendar quarter.
      quarter int CHECK (quarter BETWEEN 1 AND 4),
      period_from date NOT NULL,
      period_to date NOT NULL CHECK (period_to >= period_from),
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued')),
      -- problems, requirements, closing; contact name and phone; the attachments listed after the tables.
      sections jsonb NOT NULL,
      contact jsonb NOT NULL,
      extra_attachments jsonb NOT NULL DEFAULT '[]',
      version int NOT NULL DEFAULT 1,
      created_by uuid REFERENCES users (id),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      -- Set together when the bulletin is issued: its figures never change afterwards.
      issued_on date,
      number text,
      issued_by uuid REFERENCES users (id),
      issued_at timestamptz,
      figures jsonb,
      CHECK ((status = 'issued') = (issued_on IS NOT NULL AND figures IS NOT NULL))
    );
    CREATE INDEX bulletins_year_idx ON bulletins (year, period_from, created_at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE bulletins`.execute(db);
}

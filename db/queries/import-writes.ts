import { sql, type Kysely } from 'kysely';
import type { Database } from '../database.ts';

/**
 * The historical import's writes: one statement per batch of items. Rows travel as one JSON array
 * per table, so a batch of a thousand items is one round trip, and the rollup triggers
 * (statement-level) run once per batch.
 */

/** Which of these old-portal ids are already imported. */
export async function findImported(db: Kysely<Database>, externalIds: string[]): Promise<Set<string>> {
  const { rows } = await sql<{ external_id: string }>`
    SELECT external_id FROM items WHERE external_id = ANY(${externalIds}::text[])`.execute(db);
  return new Set(rows.map((r) => r.external_id));
}

/**
 * One batch's rows, each already JSON: the caller serialises a row when it makes it, between
 * other work, so that no single step serialises a whole batch at once.
 */
export interface ImportBatch {
  items: string[];
  history: string[];
  scores: string[];
}

const jsonArray = (rows: string[]) => `[${rows.join(',')}]`;

/**
 * Writes one batch of items with their history and score outbox rows; returns how many items it
 * created. An item whose external id arrived meanwhile (a concurrent import of the same file) is
 * skipped with its history and outbox rows: `ON CONFLICT` decides, and the rows that follow join
 * on what was inserted.
 */
export async function writeImportBatch(
  db: Kysely<Database>,
  actor: { id: string; name: string; role: string },
  batch: ImportBatch,
): Promise<number> {
  const items = jsonArray(batch.items);
  const history = jsonArray(batch.history);
  const scores = jsonArray(batch.scores);
  const { rows } = await sql<{ created: number }>`
    WITH ins AS (
      INSERT INTO items (id, unit_code, external_id, title, body, event_date, major, kind, state, state_entered_at, late,
        due_at, stale_at, deadline_provisional, first_submitted_at, submitted_at, adopted_at, decided_at, national_adopted_at,
        claimed_by, signer, signed_by, signed_at, snapshot, machine_version, version, created_by, created_at, updated_at)
      SELECT r.id, r.unit_code, r.external_id, r.title, r.body, r.event_date, r.major, r.kind, r.state, r.state_entered_at,
        r.late, r.due_at, r.stale_at, r.deadline_provisional, r.first_submitted_at, r.submitted_at, r.adopted_at, r.decided_at,
        r.national_adopted_at, r.claimed_by, r.signer, r.signed_by, r.signed_at, r.snapshot, r.machine_version, r.version,
        ${actor.id}::uuid, r.created_at, r.updated_at
      FROM jsonb_to_recordset(${items}::jsonb) AS r(id uuid, unit_code text, external_id text, title text, body text,
        event_date date, major boolean, kind text, state text, state_entered_at timestamptz, late boolean, due_at timestamptz,
        stale_at timestamptz, deadline_provisional boolean, first_submitted_at timestamptz, submitted_at timestamptz,
        adopted_at timestamptz, decided_at timestamptz, national_adopted_at timestamptz, claimed_by uuid, signer text,
        signed_by uuid, signed_at timestamptz, snapshot jsonb, machine_version int, version int, created_at timestamptz,
        updated_at timestamptz)
      ON CONFLICT (external_id) DO NOTHING
      RETURNING id
    ),
    hist AS (
      INSERT INTO item_history (item_id, unit_code, seq, action, from_state, to_state, actor_id, actor_name, actor_role,
        reason, signer, at, stay_seconds, imported)
      SELECT h.item_id, h.unit_code, h.seq, h.action, h.from_state, h.to_state, ${actor.id}::uuid, ${actor.name},
        ${actor.role}, NULL, NULL, h.at, h.stay_seconds, true
      FROM jsonb_to_recordset(${history}::jsonb) AS h(item_id uuid, unit_code text, seq int, action text, from_state text,
        to_state text, at timestamptz, stay_seconds double precision)
      WHERE h.item_id IN (SELECT id FROM ins)
    ),
    ob AS (
      INSERT INTO outbox (item_id, history_seq, topic, payload)
      SELECT s.item_id, s.history_seq, 'score', jsonb_build_object('kind', s.kind, 'unitCode', s.unit_code)
      FROM jsonb_to_recordset(${scores}::jsonb) AS s(item_id uuid, history_seq int, kind text, unit_code text)
      WHERE s.item_id IN (SELECT id FROM ins)
    )
    SELECT count(*)::int AS created FROM ins`.execute(db);
  return rows[0]?.created ?? 0;
}

import type pg from 'pg';
import type { ItemRow } from '../database.ts';

/**
 * The hot path of every command, in two statements with fixed SQL text so that Postgres prepares
 * each once per connection (named statements): read the item with any earlier answer for the
 * idempotency key, then write item, history, outbox and idempotency record in one statement.
 */

/**
 * The columns an item's record is made from. The machine's own fields (state, deadlines, times,
 * claim, signer) are mirrored into columns for queries but read back from the snapshot, which is
 * their source: fewer columns to send and parse on every command.
 */
export const RECORD_COLUMNS = [
  'id', 'unit_code', 'state', 'version', 'created_at', 'updated_at', 'title', 'body', 'event_date', 'major', 'kind', 'wechat_url',
  'deadline_provisional', 'snapshot', 'machine_version',
] as const;

export type RecordRow = Pick<ItemRow, (typeof RECORD_COLUMNS)[number]>;

export interface ItemWithIdempotency extends RecordRow {
  idem_request_hash: string | null;
  idem_status: number | null;
  idem_response: unknown;
}

const READ_ITEM = `
  SELECT ${RECORD_COLUMNS.map((column) => `i.${column}`).join(', ')},
    k.request_hash AS idem_request_hash, k.status AS idem_status, k.response AS idem_response
  FROM items i
  LEFT JOIN idempotency_keys k ON k.user_id = $2 AND k.key = $3
  WHERE i.id = $1`;

export async function readItemForCommand(
  pool: pg.Pool,
  id: string,
  userId: string,
  idempotencyKey: string | null,
): Promise<ItemWithIdempotency | undefined> {
  const result = await pool.query<ItemWithIdempotency>({
    name: 'item_read_for_command',
    text: READ_ITEM,
    values: [id, userId, idempotencyKey ?? ''],
  });
  return result.rows[0];
}

const READ_IDEMPOTENCY = `SELECT request_hash, status, response FROM idempotency_keys WHERE user_id = $1 AND key = $2`;

export interface StoredAnswer {
  request_hash: string;
  status: number;
  response: unknown;
}

export async function readIdempotency(pool: pg.Pool, userId: string, key: string): Promise<StoredAnswer | undefined> {
  const result = await pool.query<StoredAnswer>({ name: 'idempotency_read', text: READ_IDEMPOTENCY, values: [userId, key] });
  return result.rows[0];
}

/** What an editor writes. */
export interface EditableFields {
  title: string;
  body: string;
  eventDate: string;
  major: boolean;
  kind: 'news' | 'case';
  wechatUrl: string | null;
}

/** The item's columns that a command may change. */
export interface ItemChanges extends EditableFields {
  state: string;
  late: boolean;
  dueAt: Date;
  staleAt: Date;
  deadlineProvisional: boolean;
  firstSubmittedAt: Date | null;
  submittedAt: Date | null;
  adoptedAt: Date | null;
  decidedAt: Date | null;
  nationalAdoptedAt: Date | null;
  claimedBy: string | null;
  signer: string | null;
  signedBy: string | null;
  signedAt: Date | null;
  snapshot: unknown;
  machineVersion: number;
}

export interface HistoryEntry {
  action: string;
  fromState: string | null;
  actorId: string;
  actorName: string;
  actorRole: string;
  reason: string | null;
  signer: string | null;
}

export interface OutboxEntry {
  topic: string;
  payload: Record<string, unknown>;
}

export interface IdempotencyRecord {
  key: string;
  requestHash: string;
  status: number;
  response: unknown;
}

/** The columns a command writes, in parameter order ($1 … $22). */
const CHANGE_COLUMNS = [
  'title', 'body', 'event_date', 'major', 'kind', 'wechat_url', 'state', 'late', 'due_at', 'stale_at',
  'deadline_provisional', 'first_submitted_at', 'submitted_at', 'adopted_at', 'decided_at', 'national_adopted_at',
  'claimed_by', 'signer', 'signed_by', 'signed_at', 'snapshot', 'machine_version',
] as const;

function changeValues(c: ItemChanges): unknown[] {
  return [
    c.title, c.body, c.eventDate, c.major, c.kind, c.wechatUrl, c.state, c.late, c.dueAt, c.staleAt,
    c.deadlineProvisional, c.firstSubmittedAt, c.submittedAt, c.adoptedAt, c.decidedAt, c.nationalAdoptedAt,
    c.claimedBy, c.signer, c.signedBy, c.signedAt, JSON.stringify(c.snapshot), c.machineVersion,
  ];
}

/** Placeholder numbers after the item's columns. */
const N = CHANGE_COLUMNS.length;
const $ = {
  state: `$${CHANGE_COLUMNS.indexOf('state') + 1}`,
  now: `$${N + 1}`,
  action: `$${N + 2}`,
  fromState: `$${N + 3}`,
  actorId: `$${N + 4}`,
  actorName: `$${N + 5}`,
  actorRole: `$${N + 6}`,
  reason: `$${N + 7}`,
  signer: `$${N + 8}`,
  outbox: `$${N + 9}`,
  idemKey: `$${N + 10}`,
  idemHash: `$${N + 11}`,
  idemStatus: `$${N + 12}`,
  idemResponse: `$${N + 13}`,
  id: `$${N + 14}`,
  /** The expected version in an update; the unit code in an insert. */
  versionOrUnit: `$${N + 15}`,
};

const FOLLOW_UPS = `
  hist AS (
    -- Every sub-statement sees the table as it was before the statement, so this subquery reads
    -- when the item entered the state it is leaving: the stay, for the time-in-state report.
    INSERT INTO item_history (item_id, unit_code, seq, action, from_state, to_state, actor_id, actor_name, actor_role, reason,
      signer, at, stay_seconds)
    SELECT w.id, w.unit_code, w.version, ${$.action}, ${$.fromState}, ${$.state}, ${$.actorId}, ${$.actorName}, ${$.actorRole},
      ${$.reason}, ${$.signer}, ${$.now},
      CASE WHEN ${$.fromState}::text IS DISTINCT FROM ${$.state}::text
        THEN extract(epoch FROM ${$.now}::timestamptz - (SELECT before.state_entered_at FROM items AS before WHERE before.id = w.id)) END
    FROM w
  ),
  ob AS (
    INSERT INTO outbox (item_id, history_seq, topic, payload)
    SELECT w.id, w.version, o.topic, o.payload
    FROM w, jsonb_to_recordset(${$.outbox}::jsonb) AS o(topic text, payload jsonb)
  ),
  idem AS (
    INSERT INTO idempotency_keys (user_id, key, request_hash, status, response)
    SELECT ${$.actorId}, ${$.idemKey}, ${$.idemHash}, ${$.idemStatus}, ${$.idemResponse}::jsonb FROM w WHERE ${$.idemKey}::text IS NOT NULL
  )
  SELECT w.version FROM w`;

const UPDATE_ITEM = `
  WITH w AS (
    UPDATE items SET
      ${CHANGE_COLUMNS.map((column, i) => `${column} = $${i + 1}`).join(', ')},
      version = version + 1, updated_at = ${$.now},
      state_entered_at = CASE WHEN state = ${$.state} THEN state_entered_at ELSE ${$.now} END
    WHERE id = ${$.id} AND version = ${$.versionOrUnit}
    RETURNING id, unit_code, version
  ),${FOLLOW_UPS}`;

const INSERT_ITEM = `
  WITH w AS (
    INSERT INTO items (${CHANGE_COLUMNS.join(', ')}, updated_at, id, unit_code, created_by, created_at, version, state_entered_at)
    VALUES (${CHANGE_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')}, ${$.now}, ${$.id}, ${$.versionOrUnit}, ${$.actorId},
      ${$.now}, 1, ${$.now})
    RETURNING id, unit_code, version
  ),${FOLLOW_UPS}`;

/** The statements' text and parameter order, for a benchmark that feeds the same SQL to pgbench. */
export const COMMAND_SQL = { read: READ_ITEM, update: UPDATE_ITEM, changeColumns: CHANGE_COLUMNS, placeholders: $ };

function followUpValues(history: HistoryEntry, outbox: OutboxEntry[], idem: IdempotencyRecord | null): unknown[] {
  return [
    history.action, history.fromState, history.actorId, history.actorName, history.actorRole, history.reason,
    history.signer, JSON.stringify(outbox), idem?.key ?? null, idem?.requestHash ?? null, idem?.status ?? null,
    idem ? JSON.stringify(idem.response) : null,
  ];
}

/** Returns the new version, or null when the expected version no longer holds (someone else won). */
export async function writeItemUpdate(
  pool: pg.Pool,
  id: string,
  expectedVersion: number,
  changes: ItemChanges,
  now: Date,
  history: HistoryEntry,
  outbox: OutboxEntry[],
  idem: IdempotencyRecord | null,
): Promise<number | null> {
  const result = await pool.query<{ version: number }>({
    name: 'item_write_update',
    text: UPDATE_ITEM,
    values: [...changeValues(changes), now, ...followUpValues(history, outbox, idem), id, expectedVersion],
  });
  return result.rows[0]?.version ?? null;
}

export async function writeItemInsert(
  pool: pg.Pool,
  id: string,
  unitCode: string,
  changes: ItemChanges,
  now: Date,
  history: HistoryEntry,
  outbox: OutboxEntry[],
  idem: IdempotencyRecord | null,
): Promise<void> {
  await pool.query({
    name: 'item_write_insert',
    text: INSERT_ITEM,
    values: [...changeValues(changes), now, ...followUpValues(history, outbox, idem), id, unitCode],
  });
}

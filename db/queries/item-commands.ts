import type pg from 'pg';
import type { ItemKind } from '../../machines/submission.types.ts';
import type { ItemRow } from '../database.ts';

/**
 * The hot path of every command, in two statements with fixed SQL text so that Postgres prepares
 * each once per connection (named statements): read the item with any earlier answer for the
 * idempotency key, then write item, history, outbox and idempotency record in one statement.
 */

/**
 * The columns an item's record is made from. The machine's own fields (state, deadlines, times,
 * claim, signer) are mirrored into columns for queries but read back from the snapshot, which is
 * their source: fewer columns to send and parse on every command. `state` is read as well, for the
 * error details given before the record is built.
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

const READ_RECORD = `SELECT ${RECORD_COLUMNS.join(', ')} FROM items WHERE id = $1`;

/** One item's record, for reading it (a prepared statement: item pages are polled often). */
export async function readItemRecord(pool: pg.Pool, id: string): Promise<RecordRow | undefined> {
  const result = await pool.query<RecordRow>({ name: 'item_read_record', text: READ_RECORD, values: [id] });
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
  kind: ItemKind;
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
  /** What else the step carried: the gates of a sign-off, a claim's new holder (migration 0008). */
  details?: Record<string, unknown> | null;
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

/**
 * Parameter order of the write statements: the command's own values first ($1 … $16), then the
 * columns the machine changes, then the columns an editor changes. A command that edits nothing
 * (every action but an edit) leaves the editor's columns alone: the body is not sent back, and
 * Postgres keeps its stored (possibly TOASTed) value instead of writing a copy.
 */
const FIXED_PARAMS = [
  'now', 'action', 'fromState', 'actorId', 'actorName', 'actorRole', 'reason', 'signer', 'outbox',
  'idemKey', 'idemHash', 'idemStatus', 'idemResponse', 'id',
  /** The expected version in an update; the unit code in an insert. */
  'versionOrUnit',
  'details',
] as const;

/** A time as a parameter: V8's own ISO text, cheaper than pg's conversion of a Date to local time. */
const time = (d: Date | null) => (d === null ? null : d.toISOString());

type ColumnValues = Record<string, (c: ItemChanges) => unknown>;

/** Each written column with its value, in parameter order: the list and the values cannot drift apart. */
const MACHINE_FIELDS = {
  state: (c) => c.state,
  late: (c) => c.late,
  due_at: (c) => time(c.dueAt),
  stale_at: (c) => time(c.staleAt),
  first_submitted_at: (c) => time(c.firstSubmittedAt),
  submitted_at: (c) => time(c.submittedAt),
  adopted_at: (c) => time(c.adoptedAt),
  decided_at: (c) => time(c.decidedAt),
  national_adopted_at: (c) => time(c.nationalAdoptedAt),
  claimed_by: (c) => c.claimedBy,
  signer: (c) => c.signer,
  signed_by: (c) => c.signedBy,
  signed_at: (c) => time(c.signedAt),
  snapshot: (c) => JSON.stringify(c.snapshot),
  machine_version: (c) => c.machineVersion,
} satisfies ColumnValues;

const EDITOR_FIELDS = {
  title: (c) => c.title,
  body: (c) => c.body,
  event_date: (c) => c.eventDate,
  major: (c) => c.major,
  kind: (c) => c.kind,
  wechat_url: (c) => c.wechatUrl,
  deadline_provisional: (c) => c.deadlineProvisional,
} satisfies ColumnValues;

type MachineColumn = keyof typeof MACHINE_FIELDS;
const MACHINE_COLUMNS = Object.keys(MACHINE_FIELDS) as MachineColumn[];
const ALL_COLUMNS = [...MACHINE_COLUMNS, ...Object.keys(EDITOR_FIELDS)];
const MACHINE_VALUES = Object.values(MACHINE_FIELDS);
const ALL_VALUES = [...MACHINE_VALUES, ...Object.values(EDITOR_FIELDS)];

const $ = Object.fromEntries(FIXED_PARAMS.map((name, i) => [name, `$${i + 1}`])) as Record<(typeof FIXED_PARAMS)[number], string>;
const column$ = (i: number) => `$${FIXED_PARAMS.length + 1 + i}`;
const state$ = column$(MACHINE_COLUMNS.indexOf('state'));

const valuesOf = (values: ((c: ItemChanges) => unknown)[], changes: ItemChanges) => values.map((value) => value(changes));

const FOLLOW_UPS = `
  hist AS (
    -- Every sub-statement sees the table as it was before the statement, so this subquery reads
    -- when the item entered the state it is leaving: the stay, for the time-in-state report.
    INSERT INTO item_history (item_id, unit_code, seq, action, from_state, to_state, actor_id, actor_name, actor_role, reason,
      signer, details, at, stay_seconds)
    SELECT w.id, w.unit_code, w.version, ${$.action}, ${$.fromState}, ${state$}, ${$.actorId}, ${$.actorName}, ${$.actorRole},
      ${$.reason}, ${$.signer}, ${$.details}::jsonb, ${$.now},
      CASE WHEN ${$.fromState}::text IS DISTINCT FROM ${state$}::text
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

const updateOf = (columns: readonly string[]) => `
  WITH w AS (
    UPDATE items SET
      ${columns.map((column, i) => `${column} = ${column$(i)}`).join(', ')},
      version = version + 1, updated_at = ${$.now},
      state_entered_at = CASE WHEN state = ${state$} THEN state_entered_at ELSE ${$.now} END
    WHERE id = ${$.id} AND version = ${$.versionOrUnit}
    RETURNING id, unit_code, version
  ),${FOLLOW_UPS}`;

const UPDATE_BY_MACHINE = updateOf(MACHINE_COLUMNS);
const UPDATE_WITH_EDITS = updateOf(ALL_COLUMNS);

const INSERT_ITEM = `
  WITH w AS (
    INSERT INTO items (${ALL_COLUMNS.join(', ')}, updated_at, id, unit_code, created_by, created_at, version, state_entered_at)
    VALUES (${ALL_COLUMNS.map((_, i) => column$(i)).join(', ')}, ${$.now}, ${$.id}, ${$.versionOrUnit}, ${$.actorId},
      ${$.now}, 1, ${$.now})
    RETURNING id, unit_code, version
  ),${FOLLOW_UPS}`;

/** An action's statements and parameter numbers, for a benchmark that feeds the same SQL to pgbench. */
export const COMMAND_SQL = {
  read: READ_ITEM,
  update: UPDATE_BY_MACHINE,
  placeholders: $,
  columns: Object.fromEntries(MACHINE_COLUMNS.map((column, i) => [column, column$(i)])) as Record<MachineColumn, string>,
};

function fixedValues(
  now: Date,
  history: HistoryEntry,
  outbox: OutboxEntry[],
  idem: IdempotencyRecord | null,
  id: string,
  versionOrUnit: number | string,
): unknown[] {
  return [
    time(now), history.action, history.fromState, history.actorId, history.actorName, history.actorRole, history.reason,
    history.signer, JSON.stringify(outbox), idem?.key ?? null, idem?.requestHash ?? null, idem?.status ?? null,
    idem ? JSON.stringify(idem.response) : null, id, versionOrUnit, history.details ? JSON.stringify(history.details) : null,
  ];
}

/**
 * Returns the new version, or null when the expected version no longer holds (someone else won).
 * `edited` says whether the editor's columns changed; when not, they are left as stored.
 */
export async function writeItemUpdate(
  pool: pg.Pool,
  id: string,
  expectedVersion: number,
  changes: ItemChanges,
  edited: boolean,
  now: Date,
  history: HistoryEntry,
  outbox: OutboxEntry[],
  idem: IdempotencyRecord | null,
): Promise<number | null> {
  const fixed = fixedValues(now, history, outbox, idem, id, expectedVersion);
  const result = await pool.query<{ version: number }>(
    edited
      ? { name: 'item_write_with_edits', text: UPDATE_WITH_EDITS, values: [...fixed, ...valuesOf(ALL_VALUES, changes)] }
      : { name: 'item_write_by_machine', text: UPDATE_BY_MACHINE, values: [...fixed, ...valuesOf(MACHINE_VALUES, changes)] },
  );
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
    values: [...fixedValues(now, history, outbox, idem, id, unitCode), ...valuesOf(ALL_VALUES, changes)],
  });
}

const READ_ACTIVE_USER = `SELECT id, name, role FROM users WHERE id = $1 AND disabled_at IS NULL`;

/** An active user by id (a claim's new holder), or undefined. */
export async function readActiveUser(pool: pg.Pool, id: string): Promise<{ id: string; name: string; role: string } | undefined> {
  const result = await pool.query<{ id: string; name: string; role: string }>({ name: 'user_read_active', text: READ_ACTIVE_USER, values: [id] });
  return result.rows[0];
}

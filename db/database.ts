import type { ColumnType, Generated, Selectable } from 'kysely';
import type { PersistedSubmission } from '../machines/submission.runtime.ts';
import type { ItemKind } from '../machines/submission.types.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** `date` columns come back as 'YYYY-MM-DD' strings (see the type parser in db/connect.ts). */
type DateOnly = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string | T, string | T>;

export interface UnitsTable {
  code: string;
  name: string;
  kind: 'league' | 'planned_city';
  counties: Json<string[]>;
  position: number;
}

export interface UsersTable {
  id: Generated<string>;
  name: string;
  role: string;
  unit_code: string | null;
  created_at: Generated<Date>;
  disabled_at: Timestamp | null;
  login: string | null;
  password_hash: string | null;
  must_change_password: Generated<boolean>;
  password_changed_at: Timestamp | null;
}

export interface ApiTokensTable {
  token_hash: Buffer;
  id: Generated<string>;
  user_id: string;
  name: Generated<string>;
  created_at: Generated<Date>;
  revoked_at: Timestamp | null;
  last_used_at: Timestamp | null;
}

export interface SessionsTable {
  token_hash: Buffer;
  id: Generated<string>;
  user_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ended_at: Timestamp | null;
  end_reason: string | null;
  client_address: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  action: string;
  actor_id: string | null;
  subject_id: string | null;
  login: string | null;
  client_address: string | null;
  details: Json<Record<string, unknown>>;
}

export interface SignInFailuresTable {
  key: string;
  failures: number;
  first_at: Timestamp;
  locked_until: Timestamp | null;
}

export interface ItemsTable {
  id: Generated<string>;
  unit_code: string;
  external_id: string | null;
  title: string;
  body: string;
  event_date: DateOnly;
  major: boolean;
  kind: ItemKind;
  wechat_url: string | null;
  state: string;
  state_entered_at: Timestamp;
  late: boolean;
  due_at: Timestamp;
  stale_at: Timestamp;
  deadline_provisional: boolean;
  first_submitted_at: Timestamp | null;
  submitted_at: Timestamp | null;
  adopted_at: Timestamp | null;
  decided_at: Timestamp | null;
  national_adopted_at: Timestamp | null;
  claimed_by: string | null;
  signer: string | null;
  signed_by: string | null;
  signed_at: Timestamp | null;
  snapshot: Json<PersistedSubmission>;
  machine_version: number;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  queue_deadline: ColumnType<Date | null, never, never>;
}

export interface ItemHistoryTable {
  id: Generated<number>;
  item_id: string;
  unit_code: string;
  seq: number;
  action: string;
  from_state: string | null;
  to_state: string;
  actor_id: string;
  actor_name: string;
  actor_role: string;
  reason: string | null;
  signer: string | null;
  at: Timestamp;
  stay_seconds: number | null;
  /** A step the historical import replayed (migration 0006). */
  imported: Generated<boolean>;
  /** What else the step carried (migration 0008): the gates of a sign-off, a claim's new holder, a photo. */
  details: Json<Record<string, unknown> | null>;
}

/** Comments (批注) on an item (migration 0008): beside the history, merged into the timeline. */
export interface ItemCommentsTable {
  id: Generated<string>;
  /** The order comments were written in. */
  n: ColumnType<string, never, never>;
  item_id: string;
  after_seq: number;
  state: string;
  author_id: string;
  author_name: string;
  author_role: string;
  text: string;
  at: Timestamp;
}

export interface OutboxTable {
  id: Generated<number>;
  item_id: string | null;
  history_seq: number | null;
  topic: string;
  payload: Json<Record<string, unknown>>;
  created_at: Generated<Date>;
  /** When the row was handed on: queued by the relay, or applied by the reconciler. */
  dispatched_at: Timestamp | null;
  /** When its effect was recorded in Postgres; rows not done are the reconciler's work. */
  done_at: Timestamp | null;
}

export interface IdempotencyKeysTable {
  user_id: string;
  key: string;
  request_hash: string;
  status: number;
  response: Json<unknown>;
  created_at: Generated<Date>;
}

export interface CalendarDaysTable {
  day: DateOnly;
  workday: boolean;
  note: string;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export interface CalendarYearsTable {
  year: number;
  note: string;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export interface ScoringRulesTable {
  year: number;
  submitted: number;
  adopted: number;
  national_adopted: number;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export interface CommissionRulesTable {
  year: number;
  answered_on_time: Generated<number>;
  miss_penalty: Generated<number>;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export interface ScoreEntriesTable {
  id: Generated<number>;
  item_id: string;
  history_seq: number;
  unit_code: string;
  kind: 'submitted' | 'adopted' | 'national_adopted' | 'commission_answered';
  points: number;
  occurred_at: Timestamp;
  occurred_on: DateOnly;
  created_at: Generated<Date>;
}

export interface NotificationsTable {
  id: Generated<number>;
  user_id: string;
  item_id: string | null;
  kind: string;
  message: string;
  source: string;
  created_at: Generated<Date>;
  read_at: Timestamp | null;
}

export interface WebhooksTable {
  id: Generated<string>;
  unit_code: string | null;
  user_id: string | null;
  url: string;
  secret: string;
  created_by: string;
  created_at: Generated<Date>;
  disabled_at: Timestamp | null;
}

export interface ItemImagesTable {
  id: string;
  item_id: string;
  position: number;
  storage_key: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  sha256: string;
  caption: string | null;
  created_by: string;
  created_at: Generated<Date>;
}

export interface ScoreDailyTable {
  day: DateOnly;
  unit_code: string;
  kind: string;
  entries: number;
  points: number;
}

export interface TransitionDailyTable {
  day: DateOnly;
  unit_code: string;
  action: string;
  n: number;
}

export interface StateCountsTable {
  unit_code: string;
  state: string;
  n: number;
}

export interface StateTimeDailyTable {
  day: DateOnly;
  unit_code: string;
  state: string;
  stays: number;
  seconds: number;
}

/** A bulletin (通报): a draft, then issued with its figures frozen (migration 0010). */
export interface BulletinsTable {
  id: Generated<string>;
  year: number;
  quarter: number | null;
  period_from: DateOnly;
  period_to: DateOnly;
  status: 'draft' | 'issued';
  sections: Json<{ problems: string; requirements: string; closing: string }>;
  contact: Json<{ name: string; phone: string }>;
  extra_attachments: Json<string[]>;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  issued_on: DateOnly | null;
  number: string | null;
  issued_by: string | null;
  issued_at: Timestamp | null;
  figures: Json<unknown> | null;
}

export interface Database {
  units: UnitsTable;
  users: UsersTable;
  api_tokens: ApiTokensTable;
  items: ItemsTable;
  item_history: ItemHistoryTable;
  item_comments: ItemCommentsTable;
  outbox: OutboxTable;
  idempotency_keys: IdempotencyKeysTable;
  calendar_days: CalendarDaysTable;
  calendar_years: CalendarYearsTable;
  scoring_rules: ScoringRulesTable;
  score_entries: ScoreEntriesTable;
  commission_rules: CommissionRulesTable;
  notifications: NotificationsTable;
  webhooks: WebhooksTable;
  item_images: ItemImagesTable;
  score_daily: ScoreDailyTable;
  transition_daily: TransitionDailyTable;
  state_counts: StateCountsTable;
  state_time_daily: StateTimeDailyTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  sign_in_failures: SignInFailuresTable;
  bulletins: BulletinsTable;
  commissions: CommissionsTable;
  assignments: AssignmentsTable;
  assignment_history: AssignmentHistoryTable;
}

export type ItemRow = Selectable<ItemsTable>;

/** A commission (约稿), migration 0012. */
export interface CommissionsTable {
  id: string;
  title: string;
  requirements: string;
  kind: ItemKind;
  all_units: boolean;
  due_date: DateOnly;
  due_at: Timestamp;
  /** numeric: read back as text. */
  points: ColumnType<string | null, number | null, number | null>;
  status: 'active' | 'cancelled';
  version: Generated<number>;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  cancelled_at: Timestamp | null;
}

/** One target unit's assignment of a commission, with its machine snapshot. */
export interface AssignmentsTable {
  commission_id: string;
  unit_code: string;
  state: string;
  due_at: Timestamp;
  item_id: string | null;
  late: Generated<boolean>;
  snapshot: Json<unknown>;
  machine_version: number;
  version: Generated<number>;
  updated_at: Timestamp;
  state_entered_at: Timestamp;
}

export interface AssignmentHistoryTable {
  commission_id: string;
  unit_code: string;
  seq: number;
  action: string;
  from_state: string | null;
  to_state: string;
  actor_id: string;
  actor_name: string;
  actor_role: string;
  reason: string | null;
  details: Json<Record<string, unknown>> | null;
  at: Timestamp;
}

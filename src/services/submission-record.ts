import type { ItemRow } from '../../db/database.ts';
import type { EditableFields, ItemChanges } from '../../db/queries/item-commands.ts';
import { MACHINE_VERSION } from '../../machines/submission.machine.ts';
import { allowedActions, persist, restore, type PersistedSubmission, type SubmissionSnapshot } from '../../machines/submission.runtime.ts';
import type { Actor, SubmissionState } from '../../machines/submission.types.ts';
import type { UnitDirectory } from './unit-directory.ts';
import type { CheckResult } from '../checks/types.ts';

/** An item as the service handles it: the stored columns plus its restored machine snapshot. */
export interface SubmissionRecord extends ItemChanges {
  id: string;
  unitCode: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export type { EditableFields };

export function recordFromRow(row: ItemRow): SubmissionRecord {
  return {
    id: row.id,
    unitCode: row.unit_code,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    title: row.title,
    body: row.body,
    eventDate: row.event_date,
    major: row.major,
    kind: row.kind,
    wechatUrl: row.wechat_url,
    state: row.state,
    late: row.late,
    dueAt: row.due_at,
    staleAt: row.stale_at,
    deadlineProvisional: row.deadline_provisional,
    firstSubmittedAt: row.first_submitted_at,
    submittedAt: row.submitted_at,
    adoptedAt: row.adopted_at,
    decidedAt: row.decided_at,
    nationalAdoptedAt: row.national_adopted_at,
    claimedBy: row.claimed_by,
    signer: row.signer,
    signedBy: row.signed_by,
    signedAt: row.signed_at,
    snapshot: row.snapshot,
    machineVersion: row.machine_version,
  };
}

const dateOrNull = (ms: number | null) => (ms === null ? null : new Date(ms));

/** The columns that mirror the machine's snapshot, so that queries need not read the JSON. */
export function columnsFromSnapshot(
  snapshot: SubmissionSnapshot,
): Pick<
  ItemChanges,
  | 'state' | 'late' | 'dueAt' | 'staleAt' | 'firstSubmittedAt' | 'submittedAt' | 'adoptedAt' | 'decidedAt' | 'nationalAdoptedAt'
  | 'claimedBy' | 'signer' | 'signedBy' | 'signedAt' | 'snapshot' | 'machineVersion'
> {
  const c = snapshot.context;
  return {
    state: String(snapshot.value),
    late: c.late,
    dueAt: new Date(c.dueAt),
    staleAt: new Date(c.staleAt),
    firstSubmittedAt: dateOrNull(c.firstSubmittedAt),
    submittedAt: dateOrNull(c.submittedAt),
    adoptedAt: dateOrNull(c.adoptedAt),
    decidedAt: dateOrNull(c.decidedAt ?? null),
    nationalAdoptedAt: dateOrNull(c.nationalAdoptedAt),
    claimedBy: c.claimedBy,
    signer: c.signer,
    signedBy: c.signedBy,
    signedAt: dateOrNull(c.signedAt),
    snapshot: persist(snapshot),
    machineVersion: MACHINE_VERSION,
  };
}

export function snapshotOf(record: SubmissionRecord): SubmissionSnapshot {
  return restore(record.snapshot as PersistedSubmission);
}

export interface SubmissionView extends EditableFields {
  id: string;
  unitCode: string;
  unitName: string;
  state: SubmissionState;
  version: number;
  late: boolean;
  dueAt: string;
  staleAt: string;
  deadlineProvisional: boolean;
  submittedAt: string | null;
  adoptedAt: string | null;
  nationalAdoptedAt: string | null;
  signer: string | null;
  signedAt: string | null;
  claimedBy: string | null;
  createdAt: string;
  updatedAt: string;
  allowedActions: string[];
  /** After request_signoff / sign_off: the warnings the checks found (errors would have refused it). */
  checks?: CheckResult[];
}

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

/** The item as the API shows it to this actor; pass the snapshot when it is at hand (saves restoring it). */
export function toView(
  record: SubmissionRecord,
  actor: Actor,
  now: number,
  units: UnitDirectory,
  snapshot: SubmissionSnapshot = snapshotOf(record),
): SubmissionView {
  return {
    id: record.id,
    unitCode: record.unitCode,
    unitName: units.nameOf(record.unitCode),
    title: record.title,
    body: record.body,
    eventDate: record.eventDate,
    major: record.major,
    kind: record.kind,
    wechatUrl: record.wechatUrl,
    state: record.state as SubmissionState,
    version: record.version,
    late: record.late,
    dueAt: record.dueAt.toISOString(),
    staleAt: record.staleAt.toISOString(),
    deadlineProvisional: record.deadlineProvisional,
    submittedAt: iso(record.submittedAt),
    adoptedAt: iso(record.adoptedAt),
    nationalAdoptedAt: iso(record.nationalAdoptedAt),
    signer: record.signer,
    signedAt: iso(record.signedAt),
    claimedBy: record.claimedBy,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    allowedActions: allowedActions(snapshot, actor, now),
  };
}

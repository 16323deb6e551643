import type { EditableFields, ItemChanges, RecordRow } from '../../db/queries/item-commands.ts';
import { MACHINE_VERSION } from '../../machines/submission.machine.ts';
import { allowedActions, persist, restore, type PersistedSubmission, type SubmissionSnapshot } from '../../machines/submission.runtime.ts';
import type { Actor, Gate, SubmissionState } from '../../machines/submission.types.ts';
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

export function recordFromRow(row: RecordRow): SubmissionRecord {
  const snapshot = row.snapshot as PersistedSubmission;
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
    deadlineProvisional: row.deadline_provisional,
    ...mirroredColumns(snapshot),
    snapshot,
    machineVersion: row.machine_version,
  };
}

const dateOrNull = (ms: number | null) => (ms === null ? null : new Date(ms));

type MirroredColumns = Pick<
  ItemChanges,
  | 'state' | 'late' | 'dueAt' | 'staleAt' | 'firstSubmittedAt' | 'submittedAt' | 'adoptedAt' | 'decidedAt' | 'nationalAdoptedAt'
  | 'claimedBy' | 'signer' | 'signedBy' | 'signedAt'
>;

/** The machine's fields as the item's columns mirror them, so that queries need not read the JSON. */
function mirroredColumns({ value, context: c }: PersistedSubmission): MirroredColumns {
  return {
    state: String(value),
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
  };
}

/** The item's columns after a transition: the mirrored fields, the persisted snapshot and its machine version. */
export function columnsFromSnapshot(snapshot: SubmissionSnapshot): MirroredColumns & Pick<ItemChanges, 'snapshot' | 'machineVersion'> {
  const persisted = persist(snapshot);
  return { ...mirroredColumns(persisted), snapshot: persisted, machineVersion: MACHINE_VERSION };
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
  claimedByName: string | null;
  /** The commission (约稿) this item answers, if any. */
  commissionId: string | null;
  /** The five checks (五关) as confirmed at the last sign-off; null before any. */
  gates: Record<Gate, boolean> | null;
  /** The last decision on the item; null before any. */
  decision: DecisionView | null;
  createdAt: string;
  updatedAt: string;
  allowedActions: string[];
  /** After request_signoff / sign_off: the warnings the checks found (errors would have refused it). */
  checks?: CheckResult[];
}

export interface DecisionView {
  action: string;
  reason: string | null;
  by: { id: string; name: string };
  at: string;
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
    claimedByName: record.claimedBy === null ? null : (snapshot.context.claimedByName ?? null),
    commissionId: snapshot.context.commissionId ?? null,
    gates: snapshot.context.gates ?? null,
    decision: decisionOf(snapshot),
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    allowedActions: allowedActions(snapshot, actor, now),
  };
}

function decisionOf(snapshot: SubmissionSnapshot): DecisionView | null {
  const decision = snapshot.context.decision;
  return decision ? { ...decision, at: new Date(decision.at).toISOString() } : null;
}

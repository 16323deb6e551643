import type { Selectable } from 'kysely';
import type { AssignmentsTable, CommissionsTable } from '../../db/database.ts';
import { allowedAssignmentActions, assignmentStateLabel, restoreAssignment, type PersistedAssignment } from '../../machines/commission.runtime.ts';
import type { AssignmentAction, AssignmentState } from '../../machines/commission.types.ts';
import type { Actor, ItemKind, PersonRef } from '../../machines/submission.types.ts';
import type { UnitDirectory } from './unit-directory.ts';

export type CommissionRow = Selectable<CommissionsTable>;
export type AssignmentRow = Selectable<AssignmentsTable>;

export interface AssignmentView {
  commissionId: string;
  unitCode: string;
  unitName: string;
  state: AssignmentState;
  stateLabel: string;
  dueAt: string;
  late: boolean;
  itemId: string | null;
  answeredAt: string | null;
  missedAt: string | null;
  fulfilledAt: string | null;
  declineReason: string | null;
  refusalReason: string | null;
  version: number;
  allowedActions: AssignmentAction[];
}

export interface CommissionView {
  id: string;
  title: string;
  requirements: string;
  kind: ItemKind;
  allUnits: boolean;
  dueDate: string;
  dueAt: string;
  points: number | null;
  status: 'active' | 'cancelled';
  version: number;
  /** Who issued it, with their name from the people directory. */
  createdBy: PersonRef;
  createdAt: string;
  updatedAt: string;
  /** How many assignments are in each state (the unit's roles count their own only). */
  counts: Partial<Record<AssignmentState, number>>;
  assignments?: AssignmentView[];
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function assignmentView(row: AssignmentRow, actor: Actor, now: number, units: UnitDirectory): AssignmentView {
  const persisted = row.snapshot as PersistedAssignment;
  const snapshot = restoreAssignment(persisted);
  const c = persisted.context;
  return {
    commissionId: row.commission_id,
    unitCode: row.unit_code,
    unitName: units.nameOf(row.unit_code),
    state: persisted.value,
    stateLabel: assignmentStateLabel(persisted.value),
    dueAt: new Date(c.dueAt).toISOString(),
    late: c.late,
    itemId: c.itemId,
    answeredAt: iso(c.answeredAt),
    missedAt: iso(c.missedAt),
    fulfilledAt: iso(c.fulfilledAt),
    declineReason: c.declineReason,
    refusalReason: c.refusalReason,
    version: row.version,
    allowedActions: allowedAssignmentActions(snapshot, actor, now),
  };
}

export function commissionView(
  row: CommissionRow,
  names: ReadonlyMap<string, string>,
  assignments: AssignmentView[] | undefined,
  counts: CommissionView['counts'],
): CommissionView {
  return {
    id: row.id,
    title: row.title,
    requirements: row.requirements,
    kind: row.kind,
    allUnits: row.all_units,
    dueDate: row.due_date,
    dueAt: row.due_at.toISOString(),
    points: row.points === null ? null : Number(row.points),
    status: row.status,
    version: row.version,
    createdBy: { id: row.created_by, name: names.get(row.created_by) ?? '' },
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    counts,
    ...(assignments ? { assignments } : {}),
  };
}

export function countStates(views: Array<{ state: AssignmentState }>): CommissionView['counts'] {
  const counts: CommissionView['counts'] = {};
  for (const view of views) counts[view.state] = (counts[view.state] ?? 0) + 1;
  return counts;
}

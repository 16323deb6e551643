import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { REGION } from '../../machines/commission.machine.ts';
import { assignmentStatesTagged } from '../../machines/commission.runtime.ts';
import type { Actor, ItemKind } from '../../machines/submission.types.ts';
import { assignmentView, type AssignmentView } from './commission-views.ts';
import { unitScopeOf } from './submission-commands.ts';
import type { UnitDirectory } from './unit-directory.ts';

export interface CommissionTask extends AssignmentView {
  title: string;
  requirements: string;
  kind: ItemKind;
  dueDate: string;
}

/** Who waits on which assignments: a unit's people on its open ones, the region on declines to judge. */
const QUEUES = { unit: assignmentStatesTagged('queue:unit'), region: assignmentStatesTagged('queue:region') };

/** Narrows the caller's assignments as `GET /v1/tasks` narrows its items. */
export interface CommissionTaskFilter {
  unitCode?: string;
  /** Past the due date (true) or within it (false). */
  late?: boolean;
}

/**
 * The assignments waiting for the caller, soonest due first (`GET /v1/tasks/commissions`, and
 * beside the items of `GET /v1/tasks`). A waiting assignment is `late` once its due date has passed.
 */
export async function commissionTasks(
  db: Kysely<Database>,
  units: UnitDirectory,
  actor: Actor,
  now: number,
  filter: CommissionTaskFilter = {},
): Promise<{ items: CommissionTask[] }> {
  const unit = unitScopeOf(actor);
  if (unit === null && !REGION.includes(actor.role)) return { items: [] };
  let query = db
    .selectFrom('assignments as a')
    .innerJoin('commissions as c', 'c.id', 'a.commission_id')
    .selectAll('a')
    .select(['c.title', 'c.requirements', 'c.kind', 'c.due_date'])
    .where('c.status', '=', 'active')
    .orderBy('a.due_at')
    .orderBy('a.commission_id')
    .orderBy('a.unit_code')
    .limit(500);
  query = unit === null ? query.where('a.state', 'in', QUEUES.region) : query.where('a.unit_code', '=', unit).where('a.state', 'in', QUEUES.unit);
  if (filter.unitCode !== undefined) query = query.where('a.unit_code', '=', filter.unitCode);
  if (filter.late !== undefined) query = query.where('a.due_at', filter.late ? '<' : '>=', new Date(now));
  const rows = await query.execute();
  return {
    items: rows.map(({ title, requirements, kind, due_date, ...row }) => {
      const view = assignmentView(row, actor, now, units);
      return { ...view, late: view.late || now > Date.parse(view.dueAt), title, requirements, kind, dueDate: due_date };
    }),
  };
}

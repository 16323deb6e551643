import { createHash, randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import { ASSIGNMENT_MACHINE_VERSION } from '../../machines/commission.machine.ts';
import {
  applyAssignmentEvent,
  assignmentStateLabel,
  assignmentStatesTagged,
  createAssignment,
  persistAssignment,
  restoreAssignment,
  type PersistedAssignment,
} from '../../machines/commission.runtime.ts';
import type { AssignmentAction, AssignmentEvent, AssignmentState } from '../../machines/commission.types.ts';
import { SYSTEM_ACTOR } from '../../machines/actors.ts';
import type { Actor, ItemKind } from '../../machines/submission.types.ts';
import { AppError, appError, errors } from '../errors.ts';
import { endOfDay, shanghaiDate } from '../time/shanghai.ts';
import type { WorkCalendar } from '../time/work-calendar.ts';
import { assignmentView, commissionView, countStates, type AssignmentRow, type AssignmentView, type CommissionRow, type CommissionView } from './commission-views.ts';
import { storeCommissionNotice, type CommissionNotice } from './commission-notices.ts';
import { answerEventOf } from './commission-answers.ts';
import { commissionReminderAt } from './commission-schedule.ts';
import { scoreAnswerOnTime } from './commission-rules.ts';
import { canSee, unitScopeOf, type CommandOptions } from './submission-commands.ts';
import type { UnitDirectory } from './unit-directory.ts';
import { namesOf } from './people.ts';

export interface CommissionDeps {
  db: Kysely<Database>;
  units: UnitDirectory;
  calendar: WorkCalendar;
  clock: () => number;
}

/** When a commission is due: a Shanghai date, or a number of working days from today. */
export type DueInput = { dueDate: string; dueWorkdays?: undefined } | { dueWorkdays: number; dueDate?: undefined };

export type CreateCommissionInput = {
  title: string;
  requirements: string;
  kind: ItemKind;
  unitCodes: 'all' | string[];
  points?: number | null;
} & DueInput;

export type PatchCommissionInput = Partial<Pick<CreateCommissionInput, 'title' | 'requirements' | 'kind' | 'points'>> & {
  dueDate?: string;
  dueWorkdays?: number;
};

export interface AssignmentActionInput {
  action: AssignmentAction;
  reason?: string;
}

export interface Answer<T> {
  status: number;
  body: T;
}

/** The region's roles issue, edit and cancel commissions and judge declines. */
const ISSUERS: ReadonlySet<string> = new Set(['reviewer', 'manager']);
const CANCELLABLE = assignmentStatesTagged('cancellable');
/** Reminders look this far ahead (the reminder falls on the last working day before the due date). */
const REMINDER_HORIZON_MS = 31 * 24 * 60 * 60 * 1000;

const hashOf = (payload: unknown) => createHash('sha256').update(JSON.stringify(payload)).digest('base64url');

/**
 * Commissions (约稿) and their assignments. Each command runs in one transaction: the rows it
 * changes are locked, the assignment machine decides, and the change, its history rows, its outbox
 * rows, its notices and the Idempotency-Key's answer commit together.
 */
export class CommissionCommands {
  private readonly deps: CommissionDeps;

  constructor(deps: CommissionDeps) {
    this.deps = deps;
  }

  async create(actor: Actor, input: CreateCommissionInput, options: CommandOptions = {}): Promise<Answer<CommissionView>> {
    this.mustIssue(actor);
    const units = this.targetUnits(input.unitCodes);
    const now = this.deps.clock();
    const dueDate = this.dueDateOf(input, now);
    return this.idempotent(actor, options, ['create-commission', input], async (tx) => {
      const id = randomUUID();
      const dueAt = endOfDay(dueDate);
      const at = new Date(now);
      const row = await tx
        .insertInto('commissions')
        .values({
          id, title: input.title, requirements: input.requirements, kind: input.kind, all_units: input.unitCodes === 'all',
          due_date: dueDate, due_at: new Date(dueAt), points: input.points ?? null, status: 'active',
          created_by: actor.id, created_at: at, updated_at: at,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const assignments: AssignmentRow[] = [];
      for (const unitCode of units) {
        const persisted = persistAssignment(createAssignment({ unitCode, dueAt }));
        assignments.push(
          await tx
            .insertInto('assignments')
            .values({
              commission_id: id, unit_code: unitCode, state: persisted.value, due_at: new Date(dueAt), snapshot: JSON.stringify(persisted),
              machine_version: ASSIGNMENT_MACHINE_VERSION, updated_at: at, state_entered_at: at,
            })
            .returningAll()
            .executeTakeFirstOrThrow(),
        );
        await this.history(tx, id, unitCode, 1, 'create', null, persisted.value, actor, null, now);
        await storeCommissionNotice(tx, 'commission_issued', unitCode, `commission-${id}-${unitCode}-1`, this.noticeContext(row, unitCode, null));
      }
      await this.scheduleMiss(tx, id, dueAt);
      return { status: 201, body: await this.view(tx, row, assignments, actor, now) };
    });
  }

  async edit(actor: Actor, id: string, patch: PatchCommissionInput, options: CommandOptions = {}): Promise<Answer<CommissionView>> {
    this.mustIssue(actor);
    const now = this.deps.clock();
    const dueDate = patch.dueDate !== undefined || patch.dueWorkdays !== undefined ? this.dueDateOf(patch as DueInput, now) : undefined;
    return this.idempotent(actor, options, ['edit-commission', id, patch], async (tx) => {
      const current = await this.lockCommission(tx, id, options);
      if (current.status === 'cancelled') throw appError('commission_cancelled', undefined, { id });
      const assignments = await this.lockAssignments(tx, id);
      const answered = assignments.filter((a) => (a.snapshot as PersistedAssignment).context.answeredAt !== null);
      if (answered.length > 0) throw appError('commission_answered', undefined, { unitCodes: answered.map((a) => a.unit_code) });
      const dueAt = dueDate === undefined ? current.due_at.getTime() : endOfDay(dueDate);
      const row = await tx
        .updateTable('commissions')
        .set({
          title: patch.title ?? current.title,
          requirements: patch.requirements ?? current.requirements,
          kind: patch.kind ?? current.kind,
          points: patch.points !== undefined ? patch.points : current.points === null ? null : Number(current.points),
          due_date: dueDate ?? current.due_date,
          due_at: new Date(dueAt),
          version: current.version + 1,
          updated_at: new Date(now),
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      let after = assignments;
      if (dueAt !== current.due_at.getTime()) {
        after = [];
        for (const assignment of assignments) {
          const event: AssignmentEvent = { type: 'reschedule', actor, now, dueAt };
          after.push((await this.step(tx, row, assignment, event, null, now, { dueAt: new Date(dueAt).toISOString() })) ?? assignment);
        }
        await this.scheduleMiss(tx, id, dueAt);
      }
      return { status: 200, body: await this.view(tx, row, after, actor, now) };
    });
  }

  /** Cancels the commission: every assignment still waiting (open, or declined and not judged) is closed. */
  async cancel(actor: Actor, id: string, options: CommandOptions = {}): Promise<Answer<CommissionView>> {
    this.mustIssue(actor);
    const now = this.deps.clock();
    return this.idempotent(actor, options, ['cancel-commission', id], async (tx) => {
      const current = await this.lockCommission(tx, id, options);
      if (current.status === 'cancelled') throw appError('commission_cancelled', undefined, { id });
      const row = await tx
        .updateTable('commissions')
        .set({ status: 'cancelled', cancelled_at: new Date(now), version: current.version + 1, updated_at: new Date(now) })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      const after: AssignmentRow[] = [];
      for (const assignment of await this.lockAssignments(tx, id)) {
        if (!CANCELLABLE.includes(assignment.state as AssignmentState)) {
          after.push(assignment);
          continue;
        }
        const stepped = await this.step(tx, row, assignment, { type: 'cancel', actor, now }, null, now);
        if (stepped) await storeCommissionNotice(tx, 'commission_cancelled', assignment.unit_code, `commission-${id}-${assignment.unit_code}-${stepped.version}`, this.noticeContext(row, assignment.unit_code, null));
        after.push(stepped ?? assignment);
      }
      return { status: 200, body: await this.view(tx, row, after, actor, now) };
    });
  }

  /** A person's action on one unit's assignment: decline (the unit's approver), accept or refuse a decline (the region). */
  async act(actor: Actor, id: string, unitCode: string, input: AssignmentActionInput, options: CommandOptions = {}): Promise<Answer<AssignmentView>> {
    const now = this.deps.clock();
    return this.idempotent(actor, options, ['assignment-action', id, unitCode, input], async (tx) => {
      if (!canSee(actor, unitCode)) throw errors.notFound('Assignment');
      const commission = await tx.selectFrom('commissions').selectAll().where('id', '=', id).executeTakeFirst();
      const assignment = commission && (await this.lockAssignments(tx, id, unitCode))[0];
      if (!commission || !assignment) throw errors.notFound('Assignment');
      if (options.ifMatch !== undefined && options.ifMatch !== assignment.version) {
        throw errors.preconditionFailed({ version: assignment.version, state: assignment.state });
      }
      const reason = input.reason?.trim() ?? '';
      const event = { type: input.action, actor, now, reason } as AssignmentEvent;
      const stepped = await this.step(tx, commission, assignment, event, input.action === 'accept_decline' ? null : reason, now);
      if (!stepped) throw new Error('unreachable: a refused step throws');
      return { status: 200, body: assignmentView(stepped, actor, now, this.deps.units) };
    });
  }

  /**
   * A step the system takes (the miss at the due date, an item's sign-off or adoption). Returns
   * false when the machine refuses it (the assignment has moved on), so that callers retry nothing.
   */
  async system(id: string, unitCode: string, event: AssignmentEvent): Promise<boolean> {
    return this.deps.db.transaction().execute((tx) => this.systemIn(tx, id, unitCode, event));
  }

  private async systemIn(tx: Transaction<Database>, id: string, unitCode: string, event: AssignmentEvent): Promise<boolean> {
    const commission = await tx.selectFrom('commissions').selectAll().where('id', '=', id).executeTakeFirst();
    const assignment = commission && (await this.lockAssignments(tx, id, unitCode))[0];
    if (!commission || !assignment) return false;
    return (await this.step(tx, commission, assignment, event, null, event.now, null, false)) !== null;
  }

  /**
   * Applies a `commission` outbox row (an item's sign-off answers, its adoption fulfils) and marks
   * it done in the same transaction: exactly once, however often the job or the sweeper runs it.
   * Returns whether the row was still to do. An item's steps apply in their order: while an
   * earlier one is not done (its job runs beside this one, or was lost), this one throws, so that
   * its job retries (and the sweeper, which goes in order, applies both).
   */
  async applyItemStep(outboxId: number): Promise<boolean> {
    return this.deps.db.transaction().execute(async (tx) => {
      const row = await tx.selectFrom('outbox').select(['item_id', 'payload', 'done_at']).where('id', '=', outboxId).forUpdate().executeTakeFirst();
      if (!row || row.done_at !== null) return false;
      const earlier = await tx
        .selectFrom('outbox')
        .select('id')
        .where('topic', '=', 'commission')
        .where('item_id', '=', row.item_id)
        .where('id', '<', outboxId)
        .where('done_at', 'is', null)
        .executeTakeFirst();
      if (earlier) throw new Error(`commission step ${outboxId} waits for the item's earlier step ${earlier.id}`);
      const { commissionId, unitCode, event, itemId } = answerEventOf(row);
      const now = this.deps.clock();
      await this.systemIn(tx, commissionId, unitCode, { type: event, actor: SYSTEM_ACTOR, now, itemId });
      await tx.updateTable('outbox').set({ done_at: new Date(now) }).where('id', '=', outboxId).execute();
      return true;
    });
  }

  /** The sweeper's part: `commission` rows the relay handed on but no worker applied (a job lost), or that never went out. */
  async applyPendingItemSteps(olderThanMs = 30_000, limit = 500): Promise<number> {
    const rows = await this.deps.db
      .selectFrom('outbox')
      .select('id')
      .where('topic', '=', 'commission')
      .where('done_at', 'is', null)
      .where('created_at', '<', new Date(Date.now() - olderThanMs))
      .orderBy('id')
      .limit(limit)
      .execute();
    let applied = 0;
    let failure: unknown;
    for (const row of rows) {
      // One row that cannot be applied yet must not hold up the others: it is tried again next sweep.
      try {
        if (await this.applyItemStep(row.id)) applied += 1;
      } catch (error) {
        failure ??= error;
      }
    }
    if (failure && applied === 0) throw failure; // reported when nothing moved: the sweep logs it
    return applied;
  }

  /**
   * Marks missed every open assignment whose due date has passed (of one commission: its deadline
   * job; of all: the sweeper). The machine re-checks the time, so an early or repeated call does nothing.
   */
  async missOverdue(commissionId?: string): Promise<number> {
    const now = this.deps.clock();
    let applied = 0;
    for (const overdue of await this.overdue(now, commissionId)) {
      if (await this.system(overdue.commissionId, overdue.unitCode, { type: 'miss', actor: SYSTEM_ACTOR, now })) applied += 1;
    }
    return applied;
  }

  /**
   * Reminds the units whose open assignment is due soon (see commissionReminderAt), once each: of
   * one commission (its reminder job) or of all (the sweeper). The machine refuses a second reminder.
   */
  async remindDueSoon(commissionId?: string): Promise<number> {
    const now = this.deps.clock();
    let query = this.deps.db
      .selectFrom('assignments')
      .select(['commission_id', 'unit_code', 'due_at'])
      .where('state', 'in', assignmentStatesTagged('queue:unit'))
      .where('due_at', '>=', new Date(now))
      .where('due_at', '<', new Date(now + REMINDER_HORIZON_MS))
      .where(sql<boolean>`coalesce((snapshot -> 'context' ->> 'reminded')::boolean, false) = false`);
    if (commissionId) query = query.where('commission_id', '=', commissionId);
    const rows = await query.orderBy('due_at').limit(500).execute();
    let applied = 0;
    for (const row of rows) {
      if (commissionReminderAt(shanghaiDate(row.due_at.getTime()), this.deps.calendar) > now) continue;
      if (await this.system(row.commission_id, row.unit_code, { type: 'remind', actor: SYSTEM_ACTOR, now })) applied += 1;
    }
    return applied;
  }

  /** The open assignments whose due date has passed, as (commission, unit) pairs. */
  private async overdue(now: number, commissionId?: string, limit = 500): Promise<Array<{ commissionId: string; unitCode: string }>> {
    let query = this.deps.db
      .selectFrom('assignments')
      .select(['commission_id', 'unit_code'])
      .where('state', 'in', assignmentStatesTagged('queue:unit'))
      .where('due_at', '<', new Date(now));
    if (commissionId) query = query.where('commission_id', '=', commissionId);
    const rows = await query.orderBy('due_at').limit(limit).execute();
    return rows.map((r) => ({ commissionId: r.commission_id, unitCode: r.unit_code }));
  }

  async list(actor: Actor): Promise<{ items: CommissionView[] }> {
    const unit = unitScopeOf(actor);
    let query = this.deps.db.selectFrom('commissions').selectAll('commissions').orderBy('created_at', 'desc').orderBy('id').limit(200);
    if (unit !== null) {
      query = query.where((eb) =>
        eb.exists(eb.selectFrom('assignments').select('unit_code').whereRef('assignments.commission_id', '=', 'commissions.id').where('unit_code', '=', unit)),
      );
    }
    const rows = await query.execute();
    if (rows.length === 0) return { items: [] };
    let states = this.deps.db.selectFrom('assignments').select(['commission_id', 'state']).where('commission_id', 'in', rows.map((r) => r.id));
    if (unit !== null) states = states.where('unit_code', '=', unit);
    const byCommission = new Map<string, Array<{ state: AssignmentState }>>();
    for (const s of await states.execute()) {
      byCommission.set(s.commission_id, [...(byCommission.get(s.commission_id) ?? []), { state: s.state as AssignmentState }]);
    }
    const names = await namesOf(this.deps.db, rows.map((r) => r.created_by));
    return { items: rows.map((row) => commissionView(row, names, undefined, countStates(byCommission.get(row.id) ?? []))) };
  }

  async get(actor: Actor, id: string): Promise<CommissionView> {
    const row = await this.deps.db.selectFrom('commissions').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw errors.notFound('Commission');
    let query = this.deps.db.selectFrom('assignments').selectAll().where('commission_id', '=', id).orderBy('unit_code');
    const unit = unitScopeOf(actor);
    if (unit !== null) query = query.where('unit_code', '=', unit);
    const assignments = await query.execute();
    if (unit !== null && assignments.length === 0) throw errors.notFound('Commission');
    return this.view(this.deps.db, row, assignments, actor, this.deps.clock());
  }

  /** Applies one event to a locked assignment: the row, its history, its notices. Null when refused and `strict` is off. */
  private async step(
    tx: Transaction<Database>,
    commission: CommissionRow,
    row: AssignmentRow,
    event: AssignmentEvent,
    reason: string | null,
    now: number,
    details: Record<string, unknown> | null = null,
    strict = true,
  ): Promise<AssignmentRow | null> {
    const outcome = applyAssignmentEvent(restoreAssignment(row.snapshot as PersistedAssignment), event);
    if (!outcome.ok) {
      if (!strict) return null;
      throw refusalError(outcome.refusal, row);
    }
    const persisted = persistAssignment(outcome.snapshot);
    const at = new Date(now);
    const updated = await tx
      .updateTable('assignments')
      .set({
        state: persisted.value,
        late: persisted.context.late,
        item_id: persisted.context.itemId,
        due_at: new Date(persisted.context.dueAt),
        snapshot: JSON.stringify(persisted),
        machine_version: ASSIGNMENT_MACHINE_VERSION,
        version: row.version + 1,
        updated_at: at,
        state_entered_at: outcome.from === outcome.to ? row.state_entered_at : at,
      })
      .where('commission_id', '=', row.commission_id)
      .where('unit_code', '=', row.unit_code)
      .returningAll()
      .executeTakeFirstOrThrow();
    const itemDetails = 'itemId' in event ? { itemId: event.itemId } : null;
    await this.history(tx, row.commission_id, row.unit_code, updated.version, event.type, outcome.from, outcome.to, event.actor, reason, now, details ?? itemDetails);
    if (event.type === 'answer' && outcome.to === 'answered' && !persisted.context.late) {
      await scoreAnswerOnTime(tx, { itemId: event.itemId, assignmentSeq: updated.version, unitCode: row.unit_code, at: now });
    }
    for (const effect of outcome.effects) {
      const source = `commission-${row.commission_id}-${row.unit_code}-${updated.version}`;
      await storeCommissionNotice(tx, effect.kind as CommissionNotice, row.unit_code, source, this.noticeContext(commission, row.unit_code, reason));
    }
    return updated;
  }

  private async history(
    tx: Transaction<Database>, commissionId: string, unitCode: string, seq: number, action: string,
    from: string | null, to: string, actor: Actor, reason: string | null, now: number, details: Record<string, unknown> | null = null,
  ) {
    await tx
      .insertInto('assignment_history')
      .values({
        commission_id: commissionId, unit_code: unitCode, seq, action, from_state: from, to_state: to, actor_id: actor.id,
        actor_name: actor.name, actor_role: actor.role, reason, details: details ? JSON.stringify(details) : null, at: new Date(now),
      })
      .execute();
  }

  /** The miss at the end of the due date: an outbox row the relay turns into a delayed job (the sweeper backs it). */
  private async scheduleMiss(tx: Transaction<Database>, commissionId: string, dueAt: number) {
    await tx.insertInto('outbox').values({ topic: 'commission_deadline', payload: JSON.stringify({ commissionId, dueAt: new Date(dueAt).toISOString() }) }).execute();
  }

  private async lockCommission(tx: Transaction<Database>, id: string, options: CommandOptions): Promise<CommissionRow> {
    const row = await tx.selectFrom('commissions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw errors.notFound('Commission');
    if (options.ifMatch !== undefined && options.ifMatch !== row.version) throw errors.preconditionFailed({ version: row.version, status: row.status });
    return row;
  }

  private lockAssignments(tx: Transaction<Database>, id: string, unitCode?: string): Promise<AssignmentRow[]> {
    let query = tx.selectFrom('assignments').selectAll().where('commission_id', '=', id);
    if (unitCode !== undefined) query = query.where('unit_code', '=', unitCode);
    return query.orderBy('unit_code').forUpdate().execute();
  }

  private async view(db: Kysely<Database>, row: CommissionRow, assignments: AssignmentRow[], actor: Actor, now: number): Promise<CommissionView> {
    const unit = unitScopeOf(actor);
    const position = new Map(this.deps.units.list.map((u, i) => [u.code, i]));
    const visible = assignments
      .filter((a) => unit === null || a.unit_code === unit)
      .sort((a, b) => (position.get(a.unit_code) ?? 0) - (position.get(b.unit_code) ?? 0))
      .map((a) => assignmentView(a, actor, now, this.deps.units));
    return commissionView(row, await namesOf(db, [row.created_by]), visible, countStates(visible));
  }

  private noticeContext(commission: CommissionRow, unitCode: string, reason: string | null) {
    return { title: commission.title, dueAt: commission.due_at.getTime(), unitName: this.deps.units.nameOf(unitCode), reason };
  }

  private mustIssue(actor: Actor) {
    if (!ISSUERS.has(actor.role)) throw errors.forbidden();
  }

  /** All units, or the chosen ones (each known, once). */
  private targetUnits(unitCodes: 'all' | string[]): string[] {
    if (unitCodes === 'all') return this.deps.units.list.map((u) => u.code);
    const unknown = unitCodes.filter((code) => !this.deps.units.get(code));
    if (unknown.length > 0) throw appError('unknown_unit', { names: unknown }, { unitCodes: unknown });
    return [...new Set(unitCodes)];
  }

  /** The due date: a Shanghai date not before today, or N working days after today on the working calendar. */
  private dueDateOf(input: DueInput, now: number): string {
    const today = shanghaiDate(now);
    if (input.dueWorkdays !== undefined) return this.deps.calendar.addWorkdays(today, input.dueWorkdays).date;
    if (input.dueDate < today) throw appError('commission_due_in_past', { date: input.dueDate, today }, { dueDate: input.dueDate, today });
    return input.dueDate;
  }

  /**
   * Runs a command once per Idempotency-Key: a repeated key answers as the first time (or 422 when
   * the request differs); the answer is stored in the command's own transaction.
   */
  private async idempotent<T>(actor: Actor, options: CommandOptions, request: unknown, run: (tx: Transaction<Database>) => Promise<Answer<T>>): Promise<Answer<T>> {
    const { db } = this.deps;
    const key = options.idempotencyKey;
    const hash = key ? hashOf(request) : '';
    const earlier = async () => {
      const stored = key ? await db.selectFrom('idempotency_keys').selectAll().where('user_id', '=', actor.id).where('key', '=', key).executeTakeFirst() : undefined;
      if (!stored) return undefined;
      if (stored.request_hash !== hash) throw appError('idempotency_key_reused', undefined);
      return { status: stored.status, body: stored.response as T };
    };
    const replayed = await earlier();
    if (replayed) return replayed;
    try {
      return await db.transaction().execute(async (tx) => {
        const answer = await run(tx);
        if (key) {
          await tx
            .insertInto('idempotency_keys')
            .values({ user_id: actor.id, key, request_hash: hash, status: answer.status, response: JSON.stringify(answer.body) })
            .execute();
        }
        return answer;
      });
    } catch (error) {
      if (key && (error as { constraint?: string }).constraint === 'idempotency_keys_pkey') {
        const stored = await earlier();
        if (stored) return stored;
      }
      throw error;
    }
  }
}

function refusalError(refusal: 'forbidden' | 'invalid_transition' | 'reason_required', row: AssignmentRow): AppError {
  switch (refusal) {
    case 'forbidden':
      return errors.forbidden();
    case 'reason_required':
      return appError('reason_required', undefined, { path: 'reason' });
    case 'invalid_transition':
      return errors.invalidTransition(`该约稿回复当前为“${assignmentStateLabel(row.state as AssignmentState)}”，不能进行此操作`, {
        state: row.state,
        version: row.version,
      });
  }
}

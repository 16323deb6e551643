import { createHash, randomUUID } from 'node:crypto';
import type pg from 'pg';
import {
  readActiveUser,
  readIdempotency,
  readItemForCommand,
  writeItemInsert,
  writeItemUpdate,
  type IdempotencyRecord,
  type OutboxEntry,
} from '../../db/queries/item-commands.ts';
import { SYSTEM_ACTOR } from '../../machines/actors.ts';
import { GATE_LABELS } from '../../machines/submission.labels.ts';
import { applyEvent, createSubmission, rolesFor, stateLabel, type Refusal } from '../../machines/submission.runtime.ts';
import {
  UNIT_SCOPED_ROLES,
  type Action,
  type Actor,
  type Effect,
  type GateConfirmations,
  type PersonRef,
  type SubmissionEvent,
} from '../../machines/submission.types.ts';
import { errorsOnly, type CheckResult } from '../checks/types.ts';
import { checkAnswerable, commissionOutbox } from './commission-answers.ts';
import { AppError, errors } from '../errors.ts';
import { computeDeadlines, type DeadlineRules } from '../time/deadlines.ts';
import { eventDateError, shanghaiDate } from '../time/shanghai.ts';
import type { WorkCalendar } from '../time/work-calendar.ts';
import {
  columnsFromSnapshot,
  recordFromRow,
  snapshotOf,
  toView,
  type EditableFields,
  type SubmissionRecord,
  type SubmissionView,
} from './submission-record.ts';
import type { UnitDirectory } from './unit-directory.ts';

export interface QualityGate {
  /** All findings for the item as it stands (photos included). */
  run(record: SubmissionRecord, now: number): Promise<CheckResult[]>;
}

export interface CommandDeps {
  pool: pg.Pool;
  units: UnitDirectory;
  calendar: WorkCalendar;
  rules: DeadlineRules;
  quality: QualityGate;
  clock: () => number;
  log: { warn(obj: object, msg: string): void };
}

export interface CommandOptions {
  /** The version the caller last saw (`If-Match`). */
  ifMatch?: number;
  idempotencyKey?: string;
}

export interface CommandAnswer {
  status: number;
  body: SubmissionView;
}

export interface ActionInput {
  action: Action;
  reason?: string;
  signer?: string;
  /** sign_off: the approver's confirmation of the five checks (五关). */
  gates?: GateConfirmations;
  /** reassign: the reviewer who takes the claim over. */
  to?: string;
}

/** Whether an actor may see an item of this unit at all (another unit's item is "not found"). */
export function canSee(actor: Actor, unitCode: string): boolean {
  return unitScopeOf(actor) === null || actor.unitCode === unitCode;
}

/** The one unit an actor is limited to, or null for the region's roles. */
export function unitScopeOf(actor: Actor): string | null {
  return UNIT_SCOPED_ROLES.has(actor.role) ? actor.unitCode : null;
}

function requestHash(operation: string, payload: unknown): string {
  return createHash('sha256').update(JSON.stringify([operation, payload])).digest('base64url');
}

/** Turns what the machine asked for into outbox rows, written in the same statement as the change. */
function outboxFor(effects: Effect[], record: Pick<SubmissionRecord, 'dueAt' | 'staleAt' | 'unitCode'>, reason: string | null): OutboxEntry[] {
  return effects.map((effect): OutboxEntry => {
    switch (effect.type) {
      case 'schedule_deadlines':
        return {
          topic: 'deadlines',
          payload: { dueAt: record.dueAt.toISOString(), staleAt: record.staleAt.toISOString() },
        };
      case 'award':
        return { topic: 'score', payload: { kind: effect.kind, unitCode: record.unitCode } };
      case 'notify':
        return { topic: 'notify', payload: { kind: effect.kind, unitCode: record.unitCode, reason } };
    }
  });
}

type Decide = (record: SubmissionRecord, now: number) => Promise<{
  event: SubmissionEvent;
  fields?: Partial<EditableFields> & { deadlineProvisional?: boolean };
  /** Quality findings, when the action runs the checks: errors refuse it, warnings go back with the answer. */
  findings?: CheckResult[];
  reason?: string | null;
  /** Recorded in the history row beside the step (see HistoryEntry.details). */
  details?: Record<string, unknown> | null;
}>;

const LOST_RACE = Symbol('lost race');
const MAX_ATTEMPTS = 3;

/**
 * Every change to an item: read it (with any earlier answer for the idempotency key), run the
 * machine in Node, write item + history + outbox + idempotency record in one statement guarded by
 * the version. Two round trips; a lost race is a 409, never a silent overwrite.
 */
export class SubmissionCommands {
  private readonly deps: CommandDeps;

  constructor(deps: CommandDeps) {
    this.deps = deps;
  }

  async create(actor: Actor, input: EditableFields & { commissionId?: string }, options: CommandOptions = {}): Promise<CommandAnswer> {
    const { pool, units, clock } = this.deps;
    if (actor.role !== 'editor' || !actor.unitCode) throw errors.forbidden('Only a unit editor creates items');
    const { commissionId, ...fields } = input;
    this.checkEventDate(fields.eventDate, fields.major);
    const hash = requestHash('create', input);
    if (options.idempotencyKey) {
      const earlier = await readIdempotency(pool, actor.id, options.idempotencyKey);
      if (earlier) return this.replay(earlier, hash);
    }
    if (commissionId) await checkAnswerable(pool, commissionId, actor.unitCode);
    const now = clock();
    const deadlines = this.deadlinesFor(fields.eventDate, fields.major);
    const { snapshot, effects } = createSubmission({
      unitCode: actor.unitCode,
      dueAt: deadlines.dueAt,
      staleAt: deadlines.staleAt,
      commissionId,
    });
    const record: SubmissionRecord = {
      id: randomUUID(),
      unitCode: actor.unitCode,
      version: 1,
      createdAt: new Date(now),
      updatedAt: new Date(now),
      ...fields,
      deadlineProvisional: deadlines.provisional,
      ...columnsFromSnapshot(snapshot),
    };
    const body = toView(record, actor, now, units, snapshot);
    const idem = options.idempotencyKey ? { key: options.idempotencyKey, requestHash: hash, status: 201, response: body } : null;
    try {
      await writeItemInsert(
        pool, record.id, record.unitCode, record, new Date(now),
        { action: 'create', fromState: null, actorId: actor.id, actorName: actor.name, actorRole: actor.role, reason: null, signer: null, details: null },
        outboxFor(effects, record, null),
        idem,
      );
    } catch (error) {
      return this.afterKeyRace(error, actor, idem, hash);
    }
    return { status: 201, body };
  }

  async edit(actor: Actor, id: string, patch: Partial<EditableFields>, options: CommandOptions = {}): Promise<CommandAnswer> {
    if (patch.eventDate !== undefined) this.checkEventDate(patch.eventDate, patch.major ?? false);
    return this.run(actor, id, ['edit', patch], options, async (record, now) => {
      const fields: EditableFields = {
        title: patch.title ?? record.title,
        body: patch.body ?? record.body,
        eventDate: patch.eventDate ?? record.eventDate,
        major: patch.major ?? record.major,
        kind: patch.kind ?? record.kind,
        wechatUrl: patch.wechatUrl !== undefined ? patch.wechatUrl : record.wechatUrl,
      };
      const deadlines = this.deadlinesFor(fields.eventDate, fields.major);
      return {
        event: { type: 'edit', actor, now, dueAt: deadlines.dueAt, staleAt: deadlines.staleAt },
        fields: { ...fields, deadlineProvisional: deadlines.provisional },
      };
    });
  }

  async act(actor: Actor, id: string, input: ActionInput, options: CommandOptions = {}): Promise<CommandAnswer> {
    // The new holder of a claim is looked up once, before the command (not on every retry), and only
    // for a caller who may hand claims over at all: anyone else is refused by the machine, as for any action.
    const to = input.action === 'reassign'
      ? rolesFor('reassign').has(actor.role) ? await this.reviewerToHandTo(input.to) : { id: input.to ?? '', name: '' }
      : null;
    return this.run(actor, id, ['action', input], options, async (record, now) => {
      const base = { actor, now };
      switch (input.action) {
        case 'request_signoff': {
          const { findings, qualityErrors } = await this.checked(record, now);
          return { event: { ...base, type: 'request_signoff', qualityErrors }, findings, reason: null };
        }
        case 'sign_off': {
          const { findings, qualityErrors } = await this.checked(record, now);
          const gates = input.gates ?? {};
          return {
            event: { ...base, type: 'sign_off', signer: input.signer ?? '', qualityErrors, gates },
            findings,
            reason: null,
            details: { gates },
          };
        }
        case 'return':
        case 'reject':
        case 'return_for_revision':
        case 'recall':
          return { event: { ...base, type: input.action, reason: input.reason ?? '' }, reason: input.reason ?? null };
        case 'reassign':
          return { event: { ...base, type: 'reassign', to: to! }, details: { to } };
        case 'release_claim': {
          const holder = record.claimedBy;
          const name = (record.snapshot as { context?: { claimedByName?: string | null } }).context?.claimedByName ?? null;
          return { event: { ...base, type: 'release_claim' }, details: holder ? { released: { id: holder, name } } : null };
        }
        default:
          return { event: { ...base, type: input.action } as SubmissionEvent };
      }
    });
  }

  /** The quality findings and how many of them are errors (request_signoff and sign_off run the checks). */
  private async checked(record: SubmissionRecord, now: number) {
    const findings = await this.deps.quality.run(record, now);
    return { findings, qualityErrors: errorsOnly(findings).length };
  }

  /** A claim is handed only to an active reviewer. */
  private async reviewerToHandTo(id: string | undefined): Promise<PersonRef> {
    const user = id ? await readActiveUser(this.deps.pool, id) : undefined;
    if (!user) throw errors.notFound('User');
    if (user.role !== 'reviewer') {
      throw errors.unprocessable('not_a_reviewer', `只能转交给在职的自治区编辑：${user.name}不是自治区编辑`, { to: user.id });
    }
    return { id: user.id, name: user.name };
  }

  async claim(actor: Actor, id: string, release: boolean): Promise<CommandAnswer> {
    return this.run(actor, id, [release ? 'unclaim' : 'claim'], {}, async (_record, now) => ({
      event: { type: release ? 'unclaim' : 'claim', actor, now },
    }));
  }

  /**
   * Recomputes an item's deadlines from its event date on the current calendar (after an admin
   * corrected the calendar). Returns false when the item has left the states that have deadlines.
   */
  async reschedule(id: string): Promise<boolean> {
    return this.ignoringMovedOn(() =>
      this.run(SYSTEM_ACTOR, id, ['reschedule'], {}, async (record, now) => {
        const deadlines = this.deadlinesFor(record.eventDate, record.major);
        const unchanged =
          deadlines.dueAt === record.dueAt.getTime() &&
          deadlines.staleAt === record.staleAt.getTime() &&
          deadlines.provisional === record.deadlineProvisional;
        if (unchanged) throw errors.conflict('unchanged', 'The deadlines stay as they are');
        return {
          event: { type: 'reschedule', actor: SYSTEM_ACTOR, now, dueAt: deadlines.dueAt, staleAt: deadlines.staleAt },
          fields: { deadlineProvisional: deadlines.provisional },
        };
      }),
    );
  }

  /**
   * Sends a system event (deadline jobs, reminders) as its actor; returns false when the item has
   * moved on (or kept losing races): the sweeper tries again on its next pass if it still applies.
   */
  async system(id: string, event: SubmissionEvent): Promise<boolean> {
    return this.ignoringMovedOn(() => this.run(event.actor, id, ['system', event.type], {}, async () => ({ event })));
  }

  private async ignoringMovedOn(command: () => Promise<CommandAnswer>): Promise<boolean> {
    try {
      await command();
      return true;
    } catch (error) {
      if (error instanceof AppError && (error.status === 409 || error.status === 404)) return false;
      throw error;
    }
  }

  /** The quality findings for an item the actor may see. */
  async checks(actor: Actor, id: string): Promise<CheckResult[]> {
    const row = await readItemForCommand(this.deps.pool, id, actor.id, null);
    if (!row || !canSee(actor, row.unit_code)) throw errors.notFound('Submission');
    return this.deps.quality.run(recordFromRow(row), this.deps.clock());
  }

  /**
   * An event date an editor writes must be one that has happened (see eventDateError), and not one
   * already past the stale limit: such an item could only expire (原则上两周前的信息将不予采用).
   */
  private checkEventDate(eventDate: string, major: boolean): void {
    const now = this.deps.clock();
    const error = eventDateError(eventDate, now);
    if (error) throw error;
    const { staleAt } = this.deadlinesFor(eventDate, major);
    if (staleAt < now) {
      throw errors.unprocessable(
        'event_date_stale',
        `事件日期 ${eventDate} 距今已超过${this.deps.rules.staleDays}天：原则上两周前的信息将不予采用，不能再报送`,
        { eventDate, staleAt: new Date(staleAt).toISOString(), today: shanghaiDate(now) },
      );
    }
  }

  /**
   * A write failed. When its Idempotency-Key was stored by another write at the same moment (the
   * same key sent twice at once, or used on two items), answer as the stored request did, or 422
   * when it was a different request; any other failure goes on. Costs a read only on that path.
   */
  private async afterKeyRace(error: unknown, actor: Actor, idem: IdempotencyRecord | null, hash: string): Promise<CommandAnswer> {
    if (!idem || (error as { constraint?: string }).constraint !== 'idempotency_keys_pkey') throw error;
    const earlier = await readIdempotency(this.deps.pool, actor.id, idem.key);
    if (!earlier) throw error;
    return this.replay(earlier, hash);
  }

  private deadlinesFor(eventDate: string, major: boolean) {
    const deadlines = computeDeadlines(eventDate, major, this.deps.calendar, this.deps.rules);
    if (deadlines.provisional) {
      this.deps.log.warn(
        { eventDate, missingYears: deadlines.missingYears },
        'working-day calendar has no data for these years: due date counted Monday-Friday and marked provisional',
      );
    }
    return deadlines;
  }

  private replay(earlier: { request_hash: string; status: number; response: unknown }, hash: string): CommandAnswer {
    if (earlier.request_hash !== hash) {
      throw errors.unprocessable('idempotency_key_reused', '此 Idempotency-Key 已用于另一个请求：新的请求请使用新的键');
    }
    return { status: earlier.status, body: earlier.response as SubmissionView };
  }

  /**
   * Runs a command. A caller who named the version it saw (`If-Match`) gets a 409 when someone else
   * changed the item first; a caller who did not has the command decided again on the new state
   * (a deadline job bumping the version must not fail an editor's click), a few times at most.
   */
  private async run(actor: Actor, id: string, request: unknown, options: CommandOptions, decide: Decide): Promise<CommandAnswer> {
    // Only an Idempotency-Key's stored answer is compared with the request, so only then is it hashed.
    const hash = options.idempotencyKey ? requestHash(id, request) : '';
    const attempts = options.ifMatch === undefined ? MAX_ATTEMPTS : 1;
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      const answer = await this.attempt(actor, id, hash, options, decide);
      if (answer !== LOST_RACE) return answer;
    }
    return this.afterLostRace(actor, id, options.idempotencyKey, hash);
  }

  private async attempt(
    actor: Actor,
    id: string,
    hash: string,
    options: CommandOptions,
    decide: Decide,
  ): Promise<CommandAnswer | typeof LOST_RACE> {
    const { pool, units, clock } = this.deps;
    const row = await readItemForCommand(pool, id, actor.id, options.idempotencyKey ?? null);
    if (!row || !canSee(actor, row.unit_code)) throw errors.notFound('Submission');
    if (row.idem_request_hash !== null) {
      return this.replay({ request_hash: row.idem_request_hash, status: row.idem_status ?? 200, response: row.idem_response }, hash);
    }
    if (options.ifMatch !== undefined && options.ifMatch !== row.version) {
      throw errors.preconditionFailed({ version: row.version, state: row.state });
    }
    const record = recordFromRow(row);
    const now = clock();
    const decision = await decide(record, now);
    const outcome = applyEvent(snapshotOf(record), decision.event);
    if (!outcome.ok) throw refusalError(outcome.refusal, record, errorsOnly(decision.findings ?? []));

    const next: SubmissionRecord = {
      ...record,
      ...decision.fields,
      ...columnsFromSnapshot(outcome.snapshot),
      version: record.version + 1,
      updatedAt: new Date(now),
    };
    const body: SubmissionView = { ...toView(next, actor, now, units, outcome.snapshot), ...(decision.findings ? { checks: decision.findings } : {}) };
    const idem: IdempotencyRecord | null = options.idempotencyKey
      ? { key: options.idempotencyKey, requestHash: hash, status: 200, response: body }
      : null;
    const signer = decision.event.type === 'sign_off' ? decision.event.signer : null;
    let written: number | null;
    try {
      written = await writeItemUpdate(
        pool, id, record.version, next, decision.fields !== undefined, new Date(now),
        {
          action: decision.event.type,
          fromState: outcome.from,
          actorId: actor.id,
          actorName: actor.name,
          actorRole: actor.role,
          reason: decision.reason ?? null,
          signer,
          details: decision.details ?? null,
        },
        [...outboxFor(outcome.effects, next, decision.reason ?? null), ...commissionOutbox(outcome.snapshot.context, next.unitCode, outcome.from, outcome.to)],
        idem,
      );
    } catch (error) {
      return this.afterKeyRace(error, actor, idem, hash);
    }
    if (written === null) return LOST_RACE;
    return { status: 200, body };
  }

  private async afterLostRace(actor: Actor, id: string, key: string | undefined, hash: string): Promise<CommandAnswer> {
    const current = await readItemForCommand(this.deps.pool, id, actor.id, key ?? null);
    if (current?.idem_request_hash) {
      return this.replay({ request_hash: current.idem_request_hash, status: current.idem_status ?? 200, response: current.idem_response }, hash);
    }
    throw errors.versionConflict(current ? { state: current.state, version: current.version } : undefined);
  }
}

function refusalError(refusal: Refusal, record: SubmissionRecord, findings: CheckResult[] = []): AppError {
  switch (refusal.kind) {
    case 'forbidden':
      return errors.forbidden();
    case 'quality':
      return errors.qualityCheckFailed(findings);
    case 'gates':
      return errors.unprocessable(
        'gates_unconfirmed',
        `签发前须确认五关：${refusal.unconfirmed.map((gate) => GATE_LABELS[gate]).join('、')}尚未确认`,
        { unconfirmed: refusal.unconfirmed },
      );
    case 'claimed':
      return errors.conflict('claimed_by_other', `该信息已由${refusal.claimedByName ?? '另一位编辑'}认领，请其释放后再操作`, {
        claimedBy: refusal.claimedBy,
        claimedByName: refusal.claimedByName,
      });
    case 'stale':
      return errors.conflict('item_stale', '所报道事件已超过两周，原则上两周前的信息将不予采用', {
        staleAt: new Date(refusal.staleAt).toISOString(),
      });
    case 'invalid_transition':
      return errors.invalidTransition(`该信息当前为“${stateLabel(refusal.state)}”，不能进行此操作`, {
        state: refusal.state,
        version: record.version,
      });
  }
}

import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { SYSTEM_ACTOR } from '../machines/actors.ts';
import type { SubmissionCommands } from '../src/services/submission-commands.ts';
import type { WorkCalendar } from '../src/time/work-calendar.ts';
import { statesTagged } from '../machines/submission.runtime.ts';
import type { SubmissionEvent } from '../machines/submission.types.ts';
import { signoffReminderAt, type ReminderSettings } from './deadline-schedule.ts';
import type { Reconciler, ReconcileResult } from './reconciler.ts';
import type { CommissionJobs } from './commission.worker.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Which states each pass looks at, from the machine's tags (test/workers/sql-agrees-with-machine
 * checks the partial indexes that serve these filters against the same tags).
 */
export const SWEPT_STATES = {
  /** `mark_late` once the due date passed. */
  late: statesTagged('late_able'),
  /** `expire` once stale. */
  stale: statesTagged('expirable'),
  /** Reviewers are reminded of an item in their queue that goes stale soon. */
  staleSoon: statesTagged('queue:reviewer').filter((state) => statesTagged('expirable').includes(state)),
  /** Approvers are reminded of an item waiting for sign-off. */
  signoffWaiting: statesTagged('queue:approver'),
};

export interface SweepResult {
  markedLate: number;
  expired: number;
  reminded: number;
  cleaned: number;
  /** Commission assignments missed at their due date whose job was lost (约稿). */
  commissionsMissed: number;
  /** Units reminded of a commission due soon whose reminder job was lost. */
  commissionsReminded: number;
  /** Items' sign-offs and adoptions applied to their commissions' assignments after their job was lost. */
  commissionSteps: number;
  /** Ledger entries and notifications whose jobs never recorded them (null without a reconciler). */
  reconciled: ReconcileResult | null;
}

/** How long done outbox rows and idempotency answers are kept. */
const RETENTION_MS = 7 * DAY_MS;

/**
 * The safety net under the delayed jobs: reads the tables for deadlines that passed with no effect
 * (a job lost with Redis, a worker that was down) and applies them through the command service.
 * A lost job therefore delays its effect by at most one sweep. With a reconciler, each pass also
 * applies the scores and notifications whose jobs were lost (at most two sweeps late).
 */
export class Sweeper {
  private readonly db: Kysely<Database>;
  private readonly commands: SubmissionCommands;
  private readonly calendar: WorkCalendar;
  private readonly settings: ReminderSettings;
  private readonly clock: () => number;
  private readonly reconciler: Reconciler | undefined;
  private readonly commissions: CommissionJobs | undefined;

  constructor(
    db: Kysely<Database>,
    commands: SubmissionCommands,
    calendar: WorkCalendar,
    settings: ReminderSettings,
    clock: () => number,
    reconciler?: Reconciler,
    commissions?: CommissionJobs,
  ) {
    this.commissions = commissions;
    this.db = db;
    this.commands = commands;
    this.calendar = calendar;
    this.settings = settings;
    this.clock = clock;
    this.reconciler = reconciler;
  }

  async sweep(): Promise<SweepResult> {
    const now = new Date(this.clock());
    const limit = this.settings.batchSize ?? 500;
    const overdue = await this.db
      .selectFrom('items')
      .select('id')
      .where('state', 'in', SWEPT_STATES.late)
      .where('late', '=', false)
      .where('due_at', '<', now)
      .limit(limit)
      .execute();
    const stale = await this.db
      .selectFrom('items')
      .select('id')
      .where('state', 'in', SWEPT_STATES.stale)
      .where('stale_at', '<', now)
      .limit(limit)
      .execute();
    const markedLate = await this.send(overdue.map((r) => r.id), { type: 'mark_late' });
    const expired = await this.send(stale.map((r) => r.id), { type: 'expire' });
    const reminded = await this.remind(now);
    const commissionsReminded = (await this.commissions?.remindDueSoon()) ?? 0;
    const commissionsMissed = (await this.commissions?.missOverdue()) ?? 0;
    const commissionSteps = (await this.commissions?.applyPendingItemSteps()) ?? 0;
    const reconciled = (await this.reconciler?.reconcile()) ?? null;
    const cleaned = await this.clean(new Date(now.getTime() - RETENTION_MS));
    return { markedLate, expired, reminded, commissionsReminded, commissionsMissed, commissionSteps, cleaned, reconciled };
  }

  /** Done outbox rows and old idempotency answers have done their work; a row not done is kept until it is. */
  private async clean(before: Date): Promise<number> {
    const outbox = await this.db.deleteFrom('outbox').where('done_at', '<', before).executeTakeFirst();
    const keys = await this.db.deleteFrom('idempotency_keys').where('created_at', '<', before).executeTakeFirst();
    return Number(outbox.numDeletedRows) + Number(keys.numDeletedRows);
  }

  private async remind(now: Date): Promise<number> {
    const notReminded = sql<boolean>`coalesce((snapshot -> 'context' ->> 'reminded')::boolean, false) = false`;
    const staleSoon = await this.db
      .selectFrom('items')
      .select('id')
      .where('state', 'in', SWEPT_STATES.staleSoon)
      .where(notReminded)
      .where('stale_at', '<', new Date(now.getTime() + this.settings.staleReminderDays * DAY_MS))
      .where('stale_at', '>=', now)
      .limit(this.settings.batchSize ?? 500)
      .execute();
    // Waiting for sign-off: a cheap calendar-day filter in SQL, the working-day rule in Node.
    const waiting = await this.db
      .selectFrom('items')
      .select(['id', 'state_entered_at'])
      .where('state', 'in', SWEPT_STATES.signoffWaiting)
      .where(notReminded)
      .where('state_entered_at', '<', new Date(now.getTime() - DAY_MS + 1))
      .limit(this.settings.batchSize ?? 500)
      .execute();
    const due = waiting.filter(
      (r) => signoffReminderAt(r.state_entered_at.getTime(), this.settings.signoffReminderWorkdays, this.calendar) <= now.getTime(),
    );
    return (
      (await this.send(staleSoon.map((r) => r.id), { type: 'remind', reminder: 'stale_soon' })) +
      (await this.send(due.map((r) => r.id), { type: 'remind', reminder: 'signoff_waiting' }))
    );
  }

  private async send(ids: string[], partial: { type: 'mark_late' | 'expire' } | { type: 'remind'; reminder: 'stale_soon' | 'signoff_waiting' }) {
    let applied = 0;
    for (const id of ids) {
      const event = { ...partial, actor: SYSTEM_ACTOR, now: this.clock() } as SubmissionEvent;
      if (await this.commands.system(id, event)) applied += 1;
    }
    return applied;
  }
}

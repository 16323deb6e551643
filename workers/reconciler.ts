import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { WorkCalendar } from '../src/time/work-calendar.ts';
import { scheduleSignoffReminder, type ReminderSettings, type SignoffRequest } from './deadline-schedule.ts';
import { notificationJobOf, scoreJobOf, type OutboxRow } from './jobs.ts';
import { deliverNotification } from './notification.worker.ts';
import { queueAnswers } from './queue-guard.ts';
import type { QueueKit } from './queues.ts';
import { recordScore } from './score.worker.ts';

/** What one pass repaired, for the sweep result and the log. */
export interface ReconcileResult {
  /** Ledger entries written by the pass (their jobs were lost, stalled out or failed for good). */
  scores: number;
  /** Notifications stored by the rows the pass finished. */
  notifications: number;
  /** Due rows still not done (the cause persists: no scoring rules, the queue down for webhooks): retried next pass. */
  unfinished: number;
}

const PAGE = 200;

type DueRow = OutboxRow & SignoffRequest;

/** What the approver's reminder is computed from. */
export interface Reminders {
  settings: ReminderSettings;
  calendar: WorkCalendar;
  clock: () => number;
}

type Log = { warn(obj: object, msg: string): void };

/**
 * Finds effects that are due and missing and applies them directly in Postgres, with the same
 * idempotent functions the workers use (re-queueing would not do: BullMQ ignores an add whose
 * job id still exists as a failed job, and the queue may be the thing that is down).
 *
 * A `signoff_requested` notice it finishes also schedules the approver's reminder, as the relay
 * would have (when the queue answers; otherwise the sweeper reminds from the items table).
 *
 * Due means: a score or notification outbox row that was already not done at the previous pass,
 * so every row it touches has had at least one sweep interval to be done by its job; a job that
 * is merely slow is left to its worker. The rule needs no clock: a row lost at any moment is
 * repaired by the second pass after the loss at the latest. Rows never dispatched (the queue was
 * down) are repaired the same way; the relay then leaves them alone. Deadlines rows are the
 * relay's: the sweeper already applies missed deadlines from the items table.
 *
 * With the queue down, a notice is stored but its row stays undone while it has webhook
 * deliveries to queue; the relay dispatches it once the queue is back, and its job queues them.
 */
export class Reconciler {
  private readonly db: Kysely<Database>;
  private readonly kit: QueueKit;
  private readonly log: Log;
  private readonly reminders: Reminders | undefined;
  /** The highest outbox id at the previous pass: rows up to it are due if still not done. */
  private seenUpTo = 0;

  constructor(db: Kysely<Database>, kit: QueueKit, log: Log, reminders?: Reminders) {
    this.db = db;
    this.kit = kit;
    this.log = log;
    this.reminders = reminders;
  }

  async reconcile(): Promise<ReconcileResult> {
    const dueUpTo = this.seenUpTo;
    const newest = await this.db.selectFrom('outbox').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
    this.seenUpTo = Number(newest?.id ?? 0);

    const result: ReconcileResult = { scores: 0, notifications: 0, unfinished: 0 };
    let firstError: string | undefined;
    // Asked once a pass: with the queue down, notifications are stored and their webhooks wait.
    let kit: QueueKit | null | undefined;
    for (let after = 0; ; ) {
      const rows = await this.dueRows(after, dueUpTo);
      if (rows.length > 0 && kit === undefined) kit = (await queueAnswers(this.kit)) ? this.kit : null;
      for (const row of rows) {
        try {
          await this.repair(row, kit ?? null, result);
        } catch (error) {
          result.unfinished += 1;
          firstError ??= `outbox ${row.id}: ${(error as Error).message}`;
        }
      }
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1].id;
    }
    if (result.scores || result.notifications || result.unfinished) {
      this.log.warn({ reconciled: result, firstError }, 'reconciler applied effects whose jobs did not record them');
    }
    return result;
  }

  private dueRows(after: number, upTo: number): Promise<DueRow[]> {
    return this.db
      .selectFrom('outbox as o')
      .leftJoin('item_history as h', (join) => join.onRef('h.item_id', '=', 'o.item_id').onRef('h.seq', '=', 'o.history_seq'))
      .leftJoin('items as i', 'i.id', 'o.item_id')
      .select(['o.id', 'o.item_id', 'o.history_seq', 'o.topic', 'o.payload', 'h.at', 'i.state', 'i.state_entered_at', 'i.due_at', 'i.stale_at'])
      .where('o.done_at', 'is', null)
      .where('o.id', '>', after)
      .where('o.id', '<=', upTo)
      .where('o.topic', 'in', ['score', 'notify'])
      .orderBy('o.id')
      .limit(PAGE)
      .execute();
  }

  private async repair(row: DueRow, kit: QueueKit | null, result: ReconcileResult): Promise<void> {
    if (row.topic === 'score') {
      if (await recordScore(this.db, scoreJobOf(row))) result.scores += 1;
      return;
    }
    const job = notificationJobOf(row);
    // Before the notice, which marks the row done: a failure here leaves both to the next pass.
    if (job.kind === 'signoff_requested' && kit && this.reminders) {
      const { settings, calendar, clock } = this.reminders;
      await scheduleSignoffReminder(kit, row, settings, calendar, clock());
    }
    result.notifications += (await deliverNotification(this.db, kit, job)).stored;
  }
}

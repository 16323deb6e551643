import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
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

type Log = { warn(obj: object, msg: string): void };

/**
 * Finds effects that are due and missing and applies them directly in Postgres, with the same
 * idempotent functions the workers use (re-queueing would not do: BullMQ ignores an add whose
 * job id still exists as a failed job, and the queue may be the thing that is down).
 *
 * Due means: a score or notification outbox row that was already not done at the previous pass,
 * so every row it touches has had at least one sweep interval to be done by its job; a job that
 * is merely slow is left to its worker. The rule needs no clock: a row lost at any moment is
 * repaired by the second pass after the loss at the latest. Rows never dispatched (the queue was
 * down) are repaired the same way; the relay then leaves them alone. Deadlines rows are the
 * relay's: the sweeper already applies missed deadlines (and the sign-off reminder the relay
 * schedules with a 'signoff_requested' notice) from the items table.
 *
 * With the queue down, a notice is stored but its row stays undone while it has webhook
 * deliveries to queue; the relay dispatches it once the queue is back, and its job queues them.
 */
export class Reconciler {
  private readonly db: Kysely<Database>;
  private readonly kit: QueueKit;
  private readonly log: Log;
  /** The highest outbox id at the previous pass: rows up to it are due if still not done. */
  private seenUpTo = 0;

  constructor(db: Kysely<Database>, kit: QueueKit, log: Log) {
    this.db = db;
    this.kit = kit;
    this.log = log;
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

  private dueRows(after: number, upTo: number): Promise<OutboxRow[]> {
    return this.db
      .selectFrom('outbox')
      .select(['id', 'item_id', 'history_seq', 'topic', 'payload'])
      .where('done_at', 'is', null)
      .where('id', '>', after)
      .where('id', '<=', upTo)
      .where('topic', 'in', ['score', 'notify'])
      .orderBy('id')
      .limit(PAGE)
      .execute();
  }

  private async repair(row: OutboxRow, kit: QueueKit | null, result: ReconcileResult): Promise<void> {
    if (row.topic === 'score') {
      if (await recordScore(this.db, scoreJobOf(row))) result.scores += 1;
    } else {
      result.notifications += (await deliverNotification(this.db, kit, notificationJobOf(row))).stored;
    }
  }
}

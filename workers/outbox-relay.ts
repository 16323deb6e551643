import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { WorkCalendar } from '../src/time/work-calendar.ts';
import { addDeadlineJob, chainStart, deadlineJobs, scheduleSignoffReminder, type ReminderSettings, type SignoffRequest } from './deadline-schedule.ts';
import { COMMISSION_MISS, COMMISSION_REMIND, COMMISSION_STEP, commissionMissJob, commissionReminderJob, commissionStepData } from './commission.worker.ts';
import { notificationJobOf, scoreJobOf, type OutboxRow } from './jobs.ts';
import type { QueueKit, QueueName } from './queues.ts';
import { queueAnswers, withinQueueTimeout } from './queue-guard.ts';

type PendingRow = OutboxRow & SignoffRequest;

/**
 * Moves committed outbox rows into the queues, oldest first, and marks them dispatched. Rows are
 * locked with SKIP LOCKED so that several relays (API and worker processes) share the work. If the
 * queue is down the transaction rolls back and the rows wait for the next pass: nothing is lost.
 * A row dispatched twice (crash between add and mark) is harmless: job ids are deterministic.
 *
 * Dispatched is not done: a score or notification row is done when its worker records the effect
 * (the reconciler applies it if the job is lost). A deadlines row is done once its jobs are
 * scheduled: the sweeper rebuilds lost deadline jobs from the items table. Rows the reconciler
 * already applied (while the queue was down) are not dispatched again.
 *
 * Once a dispatch has failed, each pass first asks whether the queue answers, so that rows are
 * not held locked (and workers and the reconciler kept waiting on them) while the queue is down.
 */
export class OutboxRelay {
  private readonly db: Kysely<Database>;
  private readonly kit: QueueKit;
  private readonly calendar: WorkCalendar;
  private readonly settings: ReminderSettings;
  private readonly clock: () => number;
  private queueFailed = false;

  constructor(db: Kysely<Database>, kit: QueueKit, calendar: WorkCalendar, settings: ReminderSettings, clock: () => number) {
    this.db = db;
    this.kit = kit;
    this.calendar = calendar;
    this.settings = settings;
    this.clock = clock;
  }

  /** Dispatches one batch; returns how many rows went out. */
  async dispatchBatch(): Promise<number> {
    if (this.queueFailed && !(await queueAnswers(this.kit))) throw new Error('queue unavailable');
    try {
      const dispatched = await this.lockAndDispatch();
      this.queueFailed = false;
      return dispatched;
    } catch (error) {
      this.queueFailed = true;
      throw error;
    }
  }

  private lockAndDispatch(): Promise<number> {
    return this.db.transaction().execute(async (tx) => {
      const { rows } = await sql<PendingRow>`
        SELECT o.id, o.item_id, o.history_seq, o.topic, o.payload, h.at, i.state, i.state_entered_at, i.due_at, i.stale_at
        FROM outbox o
        LEFT JOIN item_history h ON h.item_id = o.item_id AND h.seq = o.history_seq
        LEFT JOIN items i ON i.id = o.item_id
        WHERE o.dispatched_at IS NULL AND o.done_at IS NULL
        ORDER BY o.id
        LIMIT ${this.settings.batchSize ?? 200}
        FOR UPDATE OF o SKIP LOCKED`.execute(tx);
      if (rows.length === 0) return 0;
      for (const row of rows) await this.dispatch(row);
      const now = new Date();
      await tx
        .updateTable('outbox')
        .set({ dispatched_at: now, done_at: sql<Date>`CASE WHEN topic IN ('deadlines', 'commission_deadline') THEN ${now}::timestamptz ELSE done_at END` })
        .where('id', 'in', rows.map((r) => r.id))
        .execute();
      return rows.length;
    });
  }

  /** Dispatches until the outbox is empty (or the queue fails). */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.dispatchBatch();
      total += n;
      if (n === 0) return total;
    }
  }

  private async dispatch(row: PendingRow): Promise<void> {
    const itemId = row.item_id ?? '';
    switch (row.topic) {
      case 'deadlines': {
        // The first of the item's deadlines: each job schedules the next when it runs.
        const dueAt = Date.parse(String(row.payload.dueAt));
        const staleAt = Date.parse(String(row.payload.staleAt));
        await addDeadlineJob(this.kit, chainStart(deadlineJobs(itemId, dueAt, staleAt, this.settings.staleReminderDays)), this.clock());
        return;
      }
      case 'score':
        await this.add('scores', 'score', scoreJobOf(row), `outbox-${row.id}`);
        return;
      case 'notify': {
        const data = notificationJobOf(row);
        await this.add('notifications', 'notify', data, `outbox-${row.id}`);
        if (data.kind === 'signoff_requested') await scheduleSignoffReminder(this.kit, row, this.settings, this.calendar, this.clock());
        return;
      }
      case 'commission_deadline': {
        // 约稿: the reminder before the due date and the miss after it, in the deadlines queue under their own job names.
        for (const [name, job] of [[COMMISSION_REMIND, commissionReminderJob(row.payload, this.calendar)], [COMMISSION_MISS, commissionMissJob(row.payload)]] as const) {
          await this.add('deadlines', name, job.data, job.jobId, Math.max(0, job.runAt - this.clock()));
        }
        return;
      }
      case 'commission':
        // An item's sign-off or adoption for the assignment it answers: done when the worker applies it.
        await this.add('deadlines', COMMISSION_STEP, commissionStepData.parse({ outboxId: row.id }), `outbox-${row.id}`);
        return;
      default:
        throw new Error(`outbox row ${row.id} has unknown topic ${row.topic}`);
    }
  }

  private async add(queue: QueueName, name: string, data: object, jobId: string, delay?: number): Promise<void> {
    await withinQueueTimeout(this.kit.queue(queue).add(name, data, { jobId, ...(delay === undefined ? {} : { delay }) }), `queue ${queue}`);
  }
}

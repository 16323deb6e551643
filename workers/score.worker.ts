import { setTimeout as sleep } from 'node:timers/promises';
import type { Job } from 'bullmq';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { pointsFor, rulesForYear } from '../src/services/scoring-rules.ts';
import { shanghaiDate, yearOf } from '../src/time/shanghai.ts';
import { scoreJob, type ScoreJob } from './jobs.ts';
import { markOutboxDone } from './outbox-done.ts';

/**
 * Writes the ledger entry for one scoring transition and marks its outbox row done, in one
 * statement. Unique per (item, history seq, kind): a retry, a duplicate job, the reconciler or a
 * worker killed half-way and restarted adds nothing.
 */
export async function recordScore(db: Kysely<Database>, data: ScoreJob): Promise<boolean> {
  const history = await db
    .selectFrom('item_history')
    .select('at')
    .where('item_id', '=', data.itemId)
    .where('seq', '=', data.seq)
    .executeTakeFirst();
  if (!history) throw new Error(`no history ${data.itemId}#${data.seq}`);
  const occurredOn = shanghaiDate(history.at.getTime());
  const rules = await rulesForYear(db, yearOf(occurredOn));
  if (!rules) throw new Error('no scoring rules defined');
  const { outboxId } = data;
  const into = outboxId ? db.with('done', (qc) => markOutboxDone(qc, outboxId)) : db;
  const inserted = await into
    .insertInto('score_entries')
    .values({
      item_id: data.itemId,
      history_seq: data.seq,
      unit_code: data.unitCode,
      kind: data.kind,
      points: pointsFor(rules, data.kind),
      occurred_at: history.at,
      occurred_on: occurredOn,
    })
    .onConflict((oc) => oc.columns(['item_id', 'history_seq', 'kind']).doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
}

export interface ScoreWorkerOptions {
  /** Fault injection for the crash tests: hold the job open this long after its write. */
  pauseAfterWriteMs?: number;
  /** Ends such a pause early (the runtime stopping), so that a paused worker can close. */
  signal?: AbortSignal;
}

export function scoreProcessor(db: Kysely<Database>, options: ScoreWorkerOptions = {}) {
  return async (job: Job) => {
    const inserted = await recordScore(db, scoreJob.parse(job.data));
    if (options.pauseAfterWriteMs) await sleep(options.pauseAfterWriteMs, undefined, { signal: options.signal }).catch(() => {});
    return { inserted };
  };
}

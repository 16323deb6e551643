import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { findImported, writeImportBatch, type ImportBatch } from '../../db/queries/import-writes.ts';
import type { Actor } from '../../machines/submission.types.ts';
import { computeDeadlines, type DeadlineRules, type Deadlines } from '../time/deadlines.ts';
import type { WorkCalendar } from '../time/work-calendar.ts';
import { checkRow, type ImportRow, type RowProblem } from './import-row.ts';
import { replayRecord } from './import-replay.ts';
import type { UnitDirectory } from './unit-directory.ts';
import { timeSlices } from '../time-slice.ts';

export interface ImportError extends RowProblem {
  /** The row's position in the request, from 0 (for a CSV file: the first line after the header). */
  index: number;
}

export interface ImportResult {
  created: number;
  /** Rows imported before (by `externalId`): left exactly as they are. */
  unchanged: number;
  errors: ImportError[];
}

export interface ImportDeps {
  db: Kysely<Database>;
  units: UnitDirectory;
  calendar: WorkCalendar;
  rules: DeadlineRules;
  /** The service's clock: no record may lie after it. */
  clock?: () => number;
}

/** Deadlines per event date and weight: a file holds many items of the same day. */
function memoDeadlines(deps: ImportDeps) {
  const known = new Map<string, Deadlines>();
  return (row: ImportRow): Deadlines => {
    const key = `${row.eventDate}|${row.major}`;
    let deadlines = known.get(key);
    if (!deadlines) {
      deadlines = computeDeadlines(row.eventDate, row.major, deps.calendar, deps.rules);
      known.set(key, deadlines);
    }
    return deadlines;
  };
}

/**
 * Rows per write: one statement per batch is one round trip and one rollup. Five hundred, not a
 * thousand: a batch's rows live until Postgres has written them, long enough to reach the old
 * generation, and at a thousand the collector's full pauses reached 74 ms (an event-loop stall of
 * 127 ms at 200,000 rows), at five hundred 43 ms, at no cost in speed.
 */
const BATCH = 500;
const WRITES_IN_FLIGHT = 2;
/** Longest run of checking or replaying before other requests get a turn. */
const SLICE_MS = 10;

/**
 * Imports the old portal's items, row by row: each good row is replayed through the machine with
 * its own dates (see import-replay.ts) and stored with its history, closed if it was never
 * decided; each bad row is answered by its index, a stable code and a reason, and stops nothing.
 * The same `externalId` again changes nothing. Imported items enter no task queue, notify nobody
 * and leave the sweeper nothing to do; their points reach the ledger through the score outbox,
 * priced by the score worker like any item's.
 *
 * Rows may come as a stream (a CSV being read): they are checked as they arrive and written a
 * batch at a time, so memory holds a batch or two, the answer and the ids seen (to find
 * duplicates), whatever the file's size. The work is cut into slices of about 10 ms, so the
 * service keeps answering other requests during a long import.
 */
export async function importSubmissions(
  deps: ImportDeps,
  actor: Actor,
  rows: Iterable<unknown> | AsyncIterable<unknown>,
): Promise<ImportResult> {
  const now = (deps.clock ?? Date.now)();
  const errors: ImportError[] = [];
  const firstIndex = new Map<string, number>();
  const slices = timeSlices(SLICE_MS);
  const deadlinesOf = memoDeadlines(deps);
  let created = 0;
  let unchanged = 0;
  // Two batches in flight: Postgres writes one while Node replays the next (and, on two cores,
  // writes the other); the rollup triggers upsert in key order, so concurrent batches never deadlock.
  const writing = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;

  const replayBatch = async (valid: Array<{ index: number; row: ImportRow }>) => {
    if (valid.length === 0) return;
    // In external-id order: two imports of overlapping files then take the rows' locks in one order.
    valid.sort((a, b) => (a.row.externalId < b.row.externalId ? -1 : 1));
    // Rows imported before change nothing: they are not even replayed.
    const existing = await findImported(deps.db, valid.map((v) => v.row.externalId));
    const batch: ImportBatch = { items: [], history: [], scores: [] };
    for (const { index, row } of valid) {
      if (slices.due()) await slices.pause();
      if (existing.has(row.externalId)) {
        unchanged += 1;
        continue;
      }
      const result = replayRecord(row, randomUUID(), deadlinesOf(row), actor, now);
      if ('problem' in result) {
        errors.push({ index, ...result.problem });
        continue;
      }
      const { item, history, scores } = result.imported;
      batch.items.push(JSON.stringify(item));
      for (const step of history) batch.history.push(JSON.stringify(step));
      for (const score of scores) batch.scores.push(JSON.stringify(score));
    }
    if (batch.items.length === 0) return;
    const write = writeImportBatch(deps.db, actor, batch).then(
      (written) => {
        created += written;
        // Another import of the same rows may have won the race: those rows are unchanged too.
        unchanged += batch.items.length - written;
      },
      (error: unknown) => {
        failure ??= { error };
      },
    );
    writing.add(write);
    void write.finally(() => writing.delete(write));
    if (writing.size >= WRITES_IN_FLIGHT) await Promise.race(writing);
    if (failure) throw failure.error;
  };

  let valid: Array<{ index: number; row: ImportRow }> = [];
  let index = 0;
  try {
    for await (const raw of rows) {
      const problem = checkOne(raw, index);
      if (problem) errors.push(problem);
      index += 1;
      if (valid.length >= BATCH) {
        const full = valid;
        valid = [];
        await replayBatch(full);
      } else if (slices.due()) {
        await slices.pause();
      }
    }
    await replayBatch(valid);
  } finally {
    // Whatever stops the import, the batches already sent finish (each is one statement).
    await Promise.all(writing);
  }
  if (failure) throw failure.error;
  return { created, unchanged, errors: errors.sort((a, b) => a.index - b.index) };

  /** Checks one row on its own and against the rows before it; a good one joins the batch. */
  function checkOne(raw: unknown, index: number): ImportError | undefined {
    const checked = checkRow(raw, deps.units, now);
    if ('problem' in checked) return { index, ...checked.problem };
    const { externalId } = checked.row;
    const first = firstIndex.get(externalId);
    if (first !== undefined) {
      return {
        index,
        code: 'duplicate_external_id',
        field: 'externalId',
        message: `旧平台编号 ${externalId} 在本次导入中重复出现（与第 ${first} 条记录相同，从 0 数起）`,
      };
    }
    firstIndex.set(externalId, index);
    valid.push({ index, row: checked.row });
    return undefined;
  }
}

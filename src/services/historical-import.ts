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

const BATCH = 1_000;
const WRITES_IN_FLIGHT = 2;

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
 * Imports the old portal's items, row by row: each good row is replayed through the machine with
 * its own dates (see import-replay.ts) and stored with its history, closed if it was never
 * decided; each bad row is answered by its index, a stable code and a reason, and stops nothing.
 * The same `externalId` again changes nothing. Imported items enter no task queue, notify nobody
 * and leave the sweeper nothing to do; their points reach the ledger through the score outbox,
 * priced by the score worker like any item's.
 */
export async function importSubmissions(deps: ImportDeps, actor: Actor, rows: unknown[]): Promise<ImportResult> {
  const now = (deps.clock ?? Date.now)();
  const errors: ImportError[] = [];
  const valid: Array<{ index: number; row: ImportRow }> = [];
  const firstIndex = new Map<string, number>();
  rows.forEach((raw, index) => {
    const checked = checkRow(raw, deps.units, now);
    if ('problem' in checked) {
      errors.push({ index, ...checked.problem });
      return;
    }
    const { externalId } = checked.row;
    const first = firstIndex.get(externalId);
    if (first !== undefined) {
      errors.push({
        index,
        code: 'duplicate_external_id',
        field: 'externalId',
        message: `旧平台编号 ${externalId} 在本次导入中重复出现（与第 ${first} 条记录相同，从 0 数起）`,
      });
      return;
    }
    firstIndex.set(externalId, index);
    valid.push({ index, row: checked.row });
  });

  let created = 0;
  let unchanged = 0;
  // Two batches in flight: Postgres writes one while Node replays the next (and, on two cores,
  // writes the other); the rollup triggers upsert in key order, so concurrent batches never deadlock.
  const writing = new Set<Promise<void>>();
  const deadlinesOf = memoDeadlines(deps);
  for (let start = 0; start < valid.length; start += BATCH) {
    // In external-id order: two imports of overlapping files then take the rows' locks in one order.
    const slice = valid.slice(start, start + BATCH).sort((a, b) => (a.row.externalId < b.row.externalId ? -1 : 1));
    // Rows imported before change nothing: they are not even replayed.
    const existing = await findImported(deps.db, slice.map((v) => v.row.externalId));
    const batch: ImportBatch = { items: [], history: [], scores: [] };
    for (const { index, row } of slice) {
      if (existing.has(row.externalId)) {
        unchanged += 1;
        continue;
      }
      const result = replayRecord(row, randomUUID(), deadlinesOf(row), actor, now);
      if ('problem' in result) {
        errors.push({ index, ...result.problem });
        continue;
      }
      batch.items.push(result.imported.item);
      batch.history.push(...result.imported.history);
      batch.scores.push(...result.imported.scores);
    }
    if (batch.items.length === 0) continue;
    const write = writeImportBatch(deps.db, actor, batch).then((written) => {
      created += written;
      // Another import of the same rows may have won the race: those rows are unchanged too.
      unchanged += batch.items.length - written;
    });
    writing.add(write);
    void write.finally(() => writing.delete(write)).catch(() => {});
    if (writing.size >= WRITES_IN_FLIGHT) await Promise.race(writing);
  }
  await Promise.all(writing);
  return { created, unchanged, errors: errors.sort((a, b) => a.index - b.index) };
}

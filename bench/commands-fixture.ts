import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectDatabase } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadCalendar } from '../src/calendar-store.ts';
import { importSubmissions } from '../src/services/historical-import.ts';
import { UnitDirectory } from '../src/services/unit-directory.ts';
import { createUser } from '../src/services/users.ts';
import { BOOTSTRAP_ADMIN } from '../machines/actors.ts';
import { newsBody } from './news-text.ts';
import { freshDatabase } from './support.ts';

/**
 * The database the command benchmarks (throughput and latency) work on: `items` items waiting in
 * the reviewers' queue, none claimed, and one reviewer to claim and unclaim them. Their bodies are
 * as long and as varied as real ones: a row's size decides how many fit on a page, and so whether a
 * command's new version of it can stay on its page (no index touched) or must enter every index.
 */
export async function commandsFixture(options: { adminUrl: string; database: string; items: number; poolSize: number }) {
  const url = await freshDatabase(options.adminUrl, options.database);
  const handle = connectDatabase(url, options.poolSize);
  await migrateToLatest(handle.db);
  const units = await UnitDirectory.load(handle.db);
  const calendar = await loadCalendar(handle.db);
  // The historical import writes the items (one batched replay per record, fast), closed as
  // history; then they are put back in the reviewers' queue, as if just signed off, so that reviewers
  // can claim and unclaim them. The import refuses to leave undecided items live: that is its rule.
  const rows = Array.from({ length: options.items }, (_, i) => ({
    externalId: `bench-${i}`,
    unitCode: units.list[i % units.list.length].code,
    title: `${units.list[i % units.list.length].name}计生协开展活动`,
    body: newsBody(i),
    eventDate: '2026-01-05',
    submittedAt: '2026-01-06T09:00:00+08:00',
  }));
  const imported = await importSubmissions(
    { db: handle.db, units, calendar, rules: { dueWorkdays: 5, dueWorkdaysMajor: 3, staleDays: 14 }, clock: Date.now },
    BOOTSTRAP_ADMIN,
    rows,
  );
  if (imported.errors.length > 0) throw new Error(`bench fixture: ${JSON.stringify(imported.errors.slice(0, 3))}`);
  await handle.pool.query(
    `UPDATE items SET state = 'submitted', snapshot = jsonb_set(snapshot, '{value}', '"submitted"') WHERE external_id LIKE 'bench-%'`,
  );
  const reviewer = await createUser(handle.db, units, { name: 'bench reviewer', role: 'reviewer' });
  const ids = (await handle.db.selectFrom('items').select('id').orderBy('external_id').execute()).map((r) => r.id);
  // For wrk's script (bench/claims.lua), which reads the items from a file.
  const idsFile = path.join(os.tmpdir(), `nmg-bench-items-${options.database}-${process.pid}.txt`);
  writeFileSync(idsFile, ids.join('\n'));
  // One item's row as pgbench's script generator needs it (which columns are null).
  const sample = (await handle.pool.query('SELECT * FROM items LIMIT 1')).rows[0] as Record<string, unknown>;
  return {
    url,
    handle,
    ids,
    idsFile,
    reviewer,
    sample,
    /**
     * Back to none claimed, for loads that claim every item before unclaiming it. Both the column and
     * the snapshot: pgbench's script writes back the snapshot its read saw, so after it an item the
     * service had claimed can hold a claim in its snapshot with the column cleared.
     */
    unclaimAll: () =>
      handle.pool.query(
        `UPDATE items SET claimed_by = NULL, snapshot = jsonb_set(snapshot, '{context,claimedBy}', 'null')
         WHERE claimed_by IS NOT NULL OR snapshot->'context'->>'claimedBy' IS NOT NULL`,
      ),
    /**
     * Every run starts from vacuumed and analysed tables, as pgbench's own runs do, and with the
     * reset's writes on disk (a checkpoint), so that no run pays for the one before it: without it,
     * the first run waited on autovacuum's pass over the fixture and every run's first seconds on
     * the flush of the reset's pages (commits' WAL flushes queued behind them).
     */
    vacuum: async () => {
      await handle.pool.query('VACUUM (ANALYZE)');
      await handle.pool.query('CHECKPOINT');
    },
  };
}
